#pragma once
// The shared-responsibility matrix in the forms people and tools read: a terminal
// table, JSON, CSV and an Excel workbook (one sheet for the matrix with a model column,
// one for the provider attestations).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "program/responsibility.h"
#include "report/soa_table.h"

namespace cc::program {

enum class MatrixFormat : uint8_t { Csv, Xlsx };
std::optional<MatrixFormat> parse_matrix_format(std::string_view text);

// Columns: Control, Title, Model, Service, Default owner, Effective owner, Override
// reason, Inherited from, Attestation expires, Coverage.
report::Table responsibility_table(const std::vector<MatrixRow>& rows);
// Columns: Name, Kind, Issuer, Scope, Issued, Expires, State (on `as_of`), Evidence id.
report::Table attestation_table(const std::vector<Attestation>& attestations,
                                std::string_view as_of);
std::string responsibility_text(const std::vector<MatrixRow>& rows, std::string_view as_of);
std::string responsibility_json(const std::vector<MatrixRow>& rows, std::string_view as_of);

// Writes the matrix to `path`: CSV holds the matrix; XLSX the matrix and the
// attestations. The size written, or why it could not be.
Result<uintmax_t, std::string> export_responsibility(const std::vector<MatrixRow>& rows,
                                                     const std::vector<Attestation>& attestations,
                                                     std::string_view as_of, MatrixFormat format,
                                                     const std::filesystem::path& path);

}  // namespace cc::program
