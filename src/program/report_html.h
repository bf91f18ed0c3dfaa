#pragma once
// The auditor's report as one self-contained HTML file: inline stylesheet and SVG charts,
// no script and nothing fetched, readable on screen and printable. Every value that came
// from users or scanned files is escaped.
#include <string>

#include "program/report_data.h"

namespace cc::program {

// Sections, each a <section> with this id and an <h2>: summary, controls, responsibility,
// soa, evidence, findings, changes; the cover is a <header id="cover"> with the <h1>.
std::string report_html(const ReportData& data);

}  // namespace cc::program
