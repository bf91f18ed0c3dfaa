#pragma once
// The report as an OSCAL 1.1.2 assessment-results document (JSON), for GRC tools that
// import assessments: the controls reviewed, one finding per control with a decided
// outcome, and one observation per rule that failed, pointing at the files it failed in.
#include <string>
#include <string_view>
#include <vector>

#include "program/report_data.h"

namespace cc::program {

// A name-based UUID: the first 16 bytes of SHA-256("cloudcomply:" + name) with the
// version set to 5 and the RFC 4122 variant, so the same name gives the same UUID on
// every run and every machine.
std::string name_uuid(std::string_view name);

// The assessment results. Findings: controls not implemented or partial are
// "not-satisfied", implemented or inherited ones "satisfied"; controls not assessed or
// not applicable are reviewed without a finding. `failing` comes from failing_rules().
// Every UUID is derived from the tenant, the run, the as-of date and the object's own
// name, so two reports of the same store, run and date carry the same UUIDs.
std::string report_oscal(const ReportData& data, const std::vector<FailingRule>& failing);

}  // namespace cc::program
