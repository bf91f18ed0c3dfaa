#pragma once
// The scope of a program: who the organisation is in its cloud relationships, the
// service models and cloud services involved, and the frameworks it answers to. The
// scope decides which controls the Statement of Applicability lists and who owns them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "program/program.h"

namespace cc::program {

enum class Role : uint8_t { Provider, Customer, Both };
enum class ServiceModel : uint8_t { IaaS, PaaS, SaaS };
enum class Direction : uint8_t { Used, Provided };

const char* to_string(Role r);
const char* to_string(ServiceModel m);
const char* to_string(Direction d);
// Case-insensitive; "csp"/"csc" are accepted for provider/customer.
std::optional<Role> parse_role(std::string_view text);
std::optional<ServiceModel> parse_service_model(std::string_view text);
std::optional<Direction> parse_direction(std::string_view text);

struct CloudService {
  std::string name;  // "Amazon Web Services", "Acme Analytics (our SaaS)"
  Direction direction = Direction::Used;
  ServiceModel model = ServiceModel::IaaS;
  std::string provider;  // who runs it; empty when it is the organisation itself
  friend bool operator==(const CloudService&, const CloudService&) = default;
};

struct Scope {
  std::string organisation;
  Role role = Role::Customer;
  std::vector<ServiceModel> models;     // in IaaS, PaaS, SaaS order, no repeats
  std::vector<CloudService> services;   // by name
  std::vector<std::string> frameworks;  // framework ids: "iso27017:2015", ...
  // Set by the store.
  int64_t revision = 0;
  std::string updated_at;
  std::string updated_by;
};

// What is wrong with a scope, one sentence per problem; empty when it can be saved.
// `known_frameworks` lists the framework ids the catalog holds.
std::vector<std::string> validate(const Scope& scope,
                                  const std::vector<std::string>& known_frameworks);

// Sorts and de-duplicates the lists, so equal scopes compare equal.
void normalise(Scope& scope);

// Reads "NAME:DIRECTION:MODEL[:PROVIDER]" ("Amazon Web Services:used:IaaS:Amazon"), the
// command line's spelling of a cloud service; the error says what is wrong.
Result<CloudService, std::string> parse_service(std::string_view spec);

// The scope for people: one field per line.
std::string scope_text(const Scope& scope);

// The scope as JSON (as the change log and `scope show --format json` write it).
std::string to_json(const Scope& scope);

// nullopt when the program has no scope yet (`cloudcomply init` not run).
Result<std::optional<Scope>, Error> load_scope(const Program& program);

// Creates or replaces the scope, records the change, all in one transaction. With
// `expected_revision`, fails with Error::Kind::Conflict when someone saved a newer one
// in between. Saving a scope equal to the stored one changes and records nothing.
Result<Scope, Error> save_scope(const Program& program, Scope scope, const Change& who,
                                std::optional<int64_t> expected_revision = std::nullopt);

}  // namespace cc::program
