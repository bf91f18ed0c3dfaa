#pragma once
// The HTML report's stylesheet, inlined into every report so the file stands alone: for
// the screen, for print (A4 or Letter: sections start on a new page, tables wrap instead
// of being cut, headers repeat on every page) and with colours that keep text readable.
#include <string_view>

namespace cc::program {

std::string_view report_stylesheet();

}  // namespace cc::program
