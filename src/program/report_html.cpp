#include "program/report_html.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "program/report_chart.h"
#include "program/report_style.h"
#include "report/xml_escape.h"

namespace cc::program {
namespace {

std::string esc(std::string_view s) { return report::xml_escape(s); }

// Report order of the states: what needs work first.
constexpr ControlState kStates[] = {ControlState::NotImplemented, ControlState::Partial,
                                    ControlState::NotAssessed,    ControlState::Implemented,
                                    ControlState::Inherited,      ControlState::NotApplicable};

// Colours of the states in the charts, each at least 3:1 against white.
const char* colour_of(ControlState s) {
  switch (s) {
    case ControlState::NotImplemented:
      return "#cf222e";
    case ControlState::Partial:
      return "#9a6700";
    case ControlState::NotAssessed:
      return "#6e7781";
    case ControlState::Implemented:
      return "#1a7f37";
    case ControlState::Inherited:
      return "#0969da";
    case ControlState::NotApplicable:
      return "#8250df";
  }
  return "#6e7781";
}

std::string css_token(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), ' ', '-');
  return out;
}

std::string badge(std::string_view css_class, std::string_view text) {
  return fmt::format("<span class=\"state {}\">{}</span>", esc(css_class), esc(text));
}

std::string state_badge(ControlState s) {
  return badge("s-" + css_token(to_string(s)), to_string(s));
}

std::string counted(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string or_dash(std::string_view s) { return s.empty() ? "\u2014" : esc(s); }

// The organisation's licensed text of a control under its title: paragraphs where the
// text has blank lines, line breaks where it has single ones.
std::string licensed_text(std::string_view text) {
  std::string out = "<div class=\"licensed\"><span class=\"licensed-label\">Licensed text</span>";
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find("\n\n", at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view para = text.substr(at, end - at);
    while (!para.empty() && (para.front() == '\n' || para.front() == '\r')) para.remove_prefix(1);
    if (!para.empty()) {
      std::string html = esc(para);
      for (size_t nl = html.find('\n'); nl != std::string::npos; nl = html.find('\n', nl + 5))
        html.replace(nl, 1, "<br>\n");
      out += "<p>" + html + "</p>";
    }
    at = end + 2;
  }
  return out + "</div>";
}

std::string joined(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + esc(i);
  return out.empty() ? "\u2014" : out;
}

std::string family_key(const ControlStatus& c) {
  return c.family.empty() ? c.framework : c.framework + " " + c.family;
}

std::string evidence_state(const ControlStatus& c) {
  if (c.evidence_current == 0 && c.evidence_lapsed == 0) return "none";
  std::string out = fmt::format("{} current", c.evidence_current);
  if (c.evidence_expiring) out += fmt::format(" ({} expiring)", c.evidence_expiring);
  if (c.evidence_lapsed) out += fmt::format(", {} expired", c.evidence_lapsed);
  return out;
}

std::string location(const StoredFinding& f) {
  if (f.file.empty()) return "\u2014";
  std::string loc = f.file;
  if (f.line > 0) loc += fmt::format(":{}", f.line);
  if (f.line > 0 && f.col > 0) loc += fmt::format(":{}", f.col);
  return fmt::format("<span class=\"loc\">{}</span>", esc(loc));
}

// How a run judged a control, worst first (as program_status ranks regressions).
int rank(std::string_view run_status) {
  if (run_status == "failing") return 0;
  if (run_status == "unknown") return 1;
  if (run_status == "passing") return 2;
  return 3;
}

std::string section_open(std::string_view id, std::string_view heading) {
  return fmt::format("<section id=\"{0}\" aria-labelledby=\"{0}-h\">\n<h2 id=\"{0}-h\">{1}</h2>\n",
                     id, esc(heading));
}

std::string cover(const ReportData& d) {
  const Scope& s = d.scope;
  std::vector<std::string> models, services;
  for (auto m : s.models) models.emplace_back(to_string(m));
  for (const auto& c : s.services)
    services.push_back(fmt::format("{} ({}, {}{})", c.name, to_string(c.direction),
                                   to_string(c.model),
                                   c.provider.empty() ? "" : ", run by " + c.provider));
  std::string out = fmt::format(
      "<header class=\"cover\" id=\"cover\">\n<h1>Compliance report: {}</h1>\n"
      "<dl class=\"facts\">\n",
      esc(s.organisation));
  auto fact = [&out](std::string_view term, const std::string& html) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", term, html);
  };
  fact("Organisation", esc(s.organisation));
  fact("Role", esc(to_string(s.role)));
  fact("Service models", joined(models, ", "));
  fact("Cloud services", joined(services, "; "));
  fact("Frameworks", joined(s.frameworks, ", "));
  fact("Status as of", esc(d.options.as_of));
  if (d.run) {
    const RunSummary& r = *d.run;
    fact("Run", fmt::format("{}{}, {} to {}, by {}", r.id,
                            r.label.empty() ? "" : " (" + esc(r.label) + ")", esc(r.started_at),
                            esc(r.finished_at), or_dash(r.actor)));
    fact("Rules digest",
         fmt::format("<code>{}</code> ({} rules{})", or_dash(r.rules_digest), r.rules_count,
                     r.framework.empty() ? "" : ", " + esc(r.framework)));
    fact("Scanned inputs", fmt::format("{} files or directories", r.inputs.size()));
  } else {
    fact("Run", "no saved run: control states rest on evidence and decisions only");
  }
  fact("Generated at", esc(d.options.generated_at));
  std::string version = "cloudcomply " + esc(d.options.tool_version);
  if (d.run && !d.run->tool_version.empty() && d.run->tool_version != d.options.tool_version)
    version += fmt::format(" (the run was made with {})", esc(d.run->tool_version));
  fact("Tool version", version);
  fact("Scope revision", fmt::format("{} of {}", s.revision, or_dash(s.updated_at)));
  return out + "</dl>\n</header>\n";
}

std::string contents() {
  return "<nav class=\"contents\" aria-labelledby=\"contents-h\">\n<h2 "
         "id=\"contents-h\">Contents</h2>\n"
         "<ol>\n<li><a href=\"#summary\">Summary</a></li>\n<li><a "
         "href=\"#controls\">Controls</a></li>\n"
         "<li><a href=\"#responsibility\">Shared responsibility</a></li>\n"
         "<li><a href=\"#soa\">Statement of Applicability</a></li>\n"
         "<li><a href=\"#evidence\">Evidence freshness</a></li>\n<li><a "
         "href=\"#findings\">Findings</a></li>\n"
         "<li><a href=\"#changes\">Changes since the previous run</a></li>\n</ol>\n</nav>\n";
}

std::string family_chart(const ProgramStatus& status) {
  std::vector<std::string> order;
  std::map<std::string, std::map<ControlState, int64_t>> counts;
  for (const auto& c : status.controls) {
    const std::string k = family_key(c);
    if (!counts.count(k)) order.push_back(k);
    ++counts[k][c.state];
  }
  std::vector<ChartSeries> series;
  for (auto s : kStates) series.push_back(ChartSeries{to_string(s), colour_of(s), false});
  std::vector<StackedBar> bars;
  for (const auto& k : order) {
    StackedBar b{k, {}};
    for (auto s : kStates) b.values.push_back(counts[k][s]);
    bars.push_back(std::move(b));
  }
  std::string out =
      "<figure>\n<figcaption id=\"family-chart-caption\">Control status per family</figcaption>\n";
  out += stacked_bar_chart(
      {"family-chart", "Control status per family",
       fmt::format(
           "Stacked bars, one per control family ({} families), split by status: {}. "
           "The table below holds the same numbers.",
           bars.size(),
           fmt::join(std::vector<std::string>({"not implemented", "partial", "not assessed",
                                               "implemented", "inherited", "not applicable"}),
                     ", "))},
      series, bars);
  out +=
      "</figure>\n<table class=\"chart-data\">\n<caption>Controls per family and status</caption>\n"
      "<thead><tr><th scope=\"col\">Family</th>";
  for (auto s : kStates)
    out += fmt::format("<th scope=\"col\" class=\"num\">{}</th>", to_string(s));
  out += "<th scope=\"col\" class=\"num\">total</th></tr></thead>\n<tbody>\n";
  for (const auto& b : bars) {
    int64_t total = 0;
    out += fmt::format("<tr><th scope=\"row\">{}</th>", esc(b.label));
    for (int64_t v : b.values) {
      out += fmt::format("<td class=\"num\">{}</td>", v);
      total += v;
    }
    out += fmt::format("<td class=\"num\">{}</td></tr>\n", total);
  }
  return out + "</tbody>\n</table>\n";
}

std::string trend_chart(const ReportData& d) {
  if (d.trend.empty())
    return "<p class=\"note\">No saved runs yet, so there is no trend to show.</p>\n";
  std::vector<std::string> labels;
  LineSeries failing{{"failing findings", "#cf222e", false}, {}};
  LineSeries passing{{"passing findings", "#1a7f37", true}, {}};
  for (const auto& t : d.trend) {
    labels.push_back(fmt::format("run {}", t.run));
    failing.values.push_back(t.failed);
    passing.values.push_back(t.passed);
  }
  std::string out =
      "<figure>\n<figcaption>Failing and passing findings over the saved runs</figcaption>\n";
  out += line_chart(
      {"trend-chart", "Failing and passing findings per saved run",
       fmt::format(
           "Two lines over {} saved runs, from run {} to run {}: failing findings went "
           "from {} to {}, passing findings from {} to {}. The table below lists every run.",
           d.trend.size(), d.trend.front().run, d.trend.back().run, d.trend.front().failed,
           d.trend.back().failed, d.trend.front().passed, d.trend.back().passed)},
      labels, {failing, passing});
  out +=
      "</figure>\n<table class=\"chart-data\" id=\"trend-table\">\n"
      "<caption>Findings per saved run</caption>\n<thead><tr><th scope=\"col\">Run</th>"
      "<th scope=\"col\">Finished</th><th scope=\"col\">Label</th><th scope=\"col\" "
      "class=\"num\">failing</th>"
      "<th scope=\"col\" class=\"num\">passing</th><th scope=\"col\" "
      "class=\"num\">unknown</th></tr></thead>\n<tbody>\n";
  for (const auto& t : d.trend)
    out += fmt::format(
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        t.run, esc(t.finished_at), or_dash(t.label), t.failed, t.passed, t.unknown);
  out += "</tbody>\n</table>\n";
  if (d.trend.size() >= d.options.trend_runs)
    out +=
        fmt::format("<p class=\"note\">The trend shows the last {} saved runs up to run {}.</p>\n",
                    d.trend.size(), d.trend.back().run);
  return out;
}

std::string summary(const ReportData& d) {
  std::string out = section_open("summary", "Summary");
  const auto counts = d.status.count_by_state();
  out +=
      fmt::format("<p>{} controls in scope on {}.", d.status.controls.size(), esc(d.options.as_of));
  if (d.run)
    out += fmt::format(
        " Run {} produced {} findings: {} failing, {} passing, {} unknown ({} suppressed).",
        d.run->id, d.run->findings, d.run->failed, d.run->passed, d.run->unknown,
        d.run->suppressed);
  out +=
      "</p>\n<table id=\"status-counts\">\n<caption>Controls per status</caption>\n"
      "<thead><tr><th scope=\"col\">Status</th><th scope=\"col\" "
      "class=\"num\">Controls</th></tr></thead>\n<tbody>\n";
  for (auto s : kStates) {
    auto it = counts.find(to_string(s));
    out += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>\n",
                       state_badge(s), it == counts.end() ? 0 : it->second);
  }
  out += "</tbody>\n</table>\n<h3>By family</h3>\n" + family_chart(d.status);
  out += "<h3>Trend</h3>\n" + trend_chart(d);
  return out + "</section>\n";
}

std::string controls(const ReportData& d) {
  std::string out = section_open("controls", "Controls");
  out +=
      "<p>Each control's status combines the run's automated checks, the evidence register on "
      "the report's date, the Statement of Applicability and the provider attestations relied "
      "on.</p>\n"
      "<table id=\"controls-table\">\n<caption>Status of every control in "
      "scope</caption>\n<thead><tr>"
      "<th scope=\"col\">Control</th><th scope=\"col\">Title</th><th scope=\"col\">Status</th>"
      "<th scope=\"col\">Reason</th><th scope=\"col\">Owner</th><th "
      "scope=\"col\">Responsibility</th>"
      "<th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n";
  for (const auto& c : d.status.controls) {
    auto text = d.control_texts.find(c.ref);
    out += fmt::format(
        "<tr class=\"control\"><th "
        "scope=\"row\">{}</th><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td></tr>\n",
        esc(c.ref), esc(c.title),
        text == d.control_texts.end() ? std::string() : licensed_text(text->second),
        state_badge(c.state), esc(c.reason), or_dash(c.owner), or_dash(c.responsibility),
        esc(evidence_state(c)));
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

std::string responsibility(const ReportData& d) {
  std::string out = section_open("responsibility", "Shared responsibility");
  if (d.matrix.empty())
    return out +
           "<p class=\"note\">No service model is in scope, so there is no "
           "matrix.</p>\n</section>\n";
  std::vector<ServiceModel> models = d.scope.models;
  std::vector<std::string> order;
  std::map<std::string, std::map<ServiceModel, std::vector<const MatrixRow*>>> cells;
  std::map<std::string, std::string> titles;
  for (const auto& row : d.matrix) {
    if (!cells.count(row.control_ref)) order.push_back(row.control_ref);
    cells[row.control_ref][row.model].push_back(&row);
    titles[row.control_ref] = row.title;
    if (std::find(models.begin(), models.end(), row.model) == models.end())
      models.push_back(row.model);
  }
  out +=
      "<p>Who owns each control under each service model in scope: the provider, the customer or "
      "both (shared). Rows for single services show where a service departs from its model's "
      "default, with the reason.</p>\n<table id=\"responsibility-table\">\n"
      "<caption>Shared-responsibility matrix</caption>\n<thead><tr><th scope=\"col\">Control</th>"
      "<th scope=\"col\">Title</th>";
  for (auto m : models) out += fmt::format("<th scope=\"col\">{}</th>", to_string(m));
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& ref : order) {
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td>", esc(ref), esc(titles[ref]));
    for (auto m : models) {
      std::string cell;
      for (const MatrixRow* r : cells[ref][m]) {
        std::string line = r->service.empty() ? esc(to_string(r->effective_owner))
                                              : fmt::format("{}: {}", esc(r->service),
                                                            esc(to_string(r->effective_owner)));
        if (!r->service.empty() && !r->override_reason.empty())
          line += fmt::format(" ({})", esc(r->override_reason));
        if (r->coverage != Coverage::None)
          line += fmt::format(", {} {}", esc(to_string(r->coverage)),
                              r->inherited_from.empty() ? "" : "from " + esc(r->inherited_from));
        cell += (cell.empty() ? "" : "<br>") + line;
      }
      out += fmt::format("<td>{}</td>", cell.empty() ? "\u2014" : cell);
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

std::string soa(const ReportData& d) {
  std::string out = section_open("soa", "Statement of Applicability");
  if (d.soa.empty())
    return out +
           "<p class=\"note\">The Statement of Applicability has no entries yet (<code>cloudcomply "
           "soa "
           "seed</code> adds them).</p>\n</section>\n";
  std::map<std::string, const ControlStatus*> assessed;
  for (const auto& c : d.status.controls) assessed[c.ref] = &c;
  size_t applicable = 0;
  for (const auto& r : d.soa) applicable += r.entry.applicable ? 1 : 0;
  out += fmt::format("<p>{} controls, {} applicable, {} excluded with a justification.</p>\n",
                     d.soa.size(), applicable, d.soa.size() - applicable);
  out +=
      "<table id=\"soa-table\">\n<caption>Statement of Applicability</caption>\n<thead><tr>"
      "<th scope=\"col\">Control</th><th scope=\"col\">Title</th><th scope=\"col\">Applicable</th>"
      "<th scope=\"col\">Justification</th><th scope=\"col\">Declared</th><th "
      "scope=\"col\">Assessed</th>"
      "<th scope=\"col\">Owner</th><th scope=\"col\">Evidence</th><th scope=\"col\">Rules</th>"
      "<th scope=\"col\">Last assessed</th></tr></thead>\n<tbody>\n";
  for (const auto& r : d.soa) {
    auto it = assessed.find(r.control_ref);
    out += fmt::format(
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        esc(r.control_ref), esc(r.title), r.entry.applicable ? "yes" : "no",
        or_dash(r.entry.justification), esc(to_string(r.entry.status)),
        it == assessed.end() ? "\u2014" : state_badge(it->second->state), or_dash(r.entry.owner),
        joined(r.evidence, "; "), joined(r.rules, ", "), or_dash(r.entry.last_assessed));
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

std::string evidence(const ReportData& d) {
  std::string out = section_open("evidence", "Evidence freshness");
  if (d.evidence.empty())
    return out + "<p class=\"note\">The evidence register is empty.</p>\n</section>\n";
  struct Item {
    const Evidence* e;
    Freshness state;
    std::string until;
  };
  std::vector<Item> items;
  size_t current = 0, expiring = 0, expired = 0;
  for (const auto& e : d.evidence) {
    Item i{&e, freshness(e, d.options.as_of), valid_until(e)};
    current += i.state == Freshness::Current;
    expiring += i.state == Freshness::Expiring;
    expired += i.state == Freshness::Expired;
    items.push_back(std::move(i));
  }
  // Expired first, then expiring, then current; soonest first within each.
  auto order = [](Freshness f) {
    return f == Freshness::Expired ? 0 : f == Freshness::Expiring ? 1 : 2;
  };
  std::stable_sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
    auto ka = std::tuple(order(a.state), a.until.empty(), a.until, a.e->id);
    auto kb = std::tuple(order(b.state), b.until.empty(), b.until, b.e->id);
    return ka < kb;
  });
  out += fmt::format(
      "<p>On {}: {} current, {} expiring within 30 days, {} expired.</p>\n<table "
      "id=\"evidence-table\">\n"
      "<caption>Evidence register</caption>\n<thead><tr><th scope=\"col\">Id</th><th "
      "scope=\"col\">Title</th>"
      "<th scope=\"col\">Kind</th><th scope=\"col\">State</th><th scope=\"col\">Valid until</th>"
      "<th scope=\"col\">Controls</th></tr></thead>\n<tbody>\n",
      esc(d.options.as_of), current, expiring, expired);
  for (const auto& i : items)
    out += fmt::format(
        "<tr><th "
        "scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        i.e->id, esc(i.e->title), esc(i.e->kind),
        badge(std::string("f-") + to_string(i.state), to_string(i.state)),
        i.until.empty() ? "does not lapse" : esc(i.until), joined(i.e->controls, ", "));
  return out + "</tbody>\n</table>\n</section>\n";
}

std::string findings(const ReportData& d) {
  if (!d.run)
    return section_open("findings", "Findings") +
           "<p class=\"note\">No saved run: save one with <code>cloudcomply scan "
           "--save</code>.</p>\n</section>\n";
  std::string out = section_open("findings", fmt::format("Findings of run {}", d.run->id));
  out += fmt::format("<p>{} listed of {}: failing first, then unknown, then passing.",
                     counted(d.findings.size(), "finding", "findings"), d.run->findings);
  if (d.findings_left_out)
    out += fmt::format(
        " <strong id=\"findings-left-out\">{} left out</strong> by the limit of {} "
        "(<code>--max-findings</code>); the run holds {} failing, {} unknown and {} passing "
        "findings.",
        counted(d.findings_left_out, "finding is", "findings are"), d.options.max_findings,
        d.run->failed, d.run->unknown, d.run->passed);
  out += "</p>\n";
  if (d.findings.empty()) return out + "</section>\n";
  out +=
      "<table id=\"findings-table\">\n<caption>Findings with their source "
      "locations</caption>\n<thead><tr>"
      "<th scope=\"col\">Location</th><th scope=\"col\">Verdict</th><th scope=\"col\">Severity</th>"
      "<th scope=\"col\">Rule</th><th scope=\"col\">Resource</th><th "
      "scope=\"col\">Message</th></tr></thead>\n<tbody>\n";
  for (const auto& f : d.findings)
    out += fmt::format(
        "<tr><th "
        "scope=\"row\">{}</th><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        location(f), badge("v-" + css_token(f.verdict), f.verdict),
        f.suppressed ? " (suppressed)" : "", esc(f.severity), esc(f.rule_id), esc(f.resource),
        esc(f.message));
  return out + "</tbody>\n</table>\n</section>\n";
}

std::string changes(const ReportData& d) {
  std::string out = section_open("changes", "Changes since the previous run");
  if (!d.run) return out + "<p class=\"note\">No saved run.</p>\n</section>\n";
  if (!d.previous_run)
    return out + fmt::format(
                     "<p class=\"note\">Run {} is the first saved run; there is nothing to compare "
                     "it with.</p>\n</section>\n",
                     d.run->id);
  size_t worse = 0;
  for (const auto& c : d.control_changes) worse += rank(c.after) < rank(c.before);
  out += fmt::format(
      "<p>Since run {}: {}, {} fixed; {} changed {} run status, {} for the worse.</p>\n",
      *d.previous_run, counted(d.new_findings, "new failing finding", "new failing findings"),
      d.fixed_findings, counted(d.control_changes.size(), "control", "controls"),
      d.control_changes.size() == 1 ? "its" : "their", worse);
  if (d.control_changes.empty()) return out + "</section>\n";
  out += fmt::format(
      "<table id=\"changes-table\">\n<caption>Controls whose run status changed between run {} and "
      "run {}</caption>\n"
      "<thead><tr><th scope=\"col\">Control</th><th scope=\"col\">Title</th><th scope=\"col\">Run "
      "{}</th>"
      "<th scope=\"col\">Run {}</th><th scope=\"col\">Change</th></tr></thead>\n<tbody>\n",
      *d.previous_run, d.run->id, *d.previous_run, d.run->id);
  for (const auto& c : d.control_changes) {
    const int delta = rank(c.after) - rank(c.before);
    const char* word = delta < 0   ? "<span class=\"worse\">worse</span>"
                       : delta > 0 ? "<span class=\"better\">better</span>"
                                   : "changed";
    out += fmt::format(
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        esc(c.ref), esc(c.title), esc(c.before), esc(c.after), word);
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

}  // namespace

std::string report_html(const ReportData& d) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"cloudcomply {}\">\n<title>Compliance report: {} \u2014 "
      "{}</title>\n<style>",
      esc(d.options.tool_version), esc(d.scope.organisation), esc(d.options.as_of));
  out += report_stylesheet();
  out += "</style>\n</head>\n<body>\n";
  out += cover(d);
  out += contents();
  out += "<main>\n";
  out += summary(d);
  out += controls(d);
  out += responsibility(d);
  out += soa(d);
  out += evidence(d);
  out += findings(d);
  out += changes(d);
  out += "</main>\n";
  out += fmt::format("<footer>\n<p>Generated by cloudcomply {} at {} from the program store of {}.",
                     esc(d.options.tool_version), esc(d.options.generated_at),
                     esc(d.scope.organisation));
  if (d.run)
    out += fmt::format(" Findings point at the scanned files as they were when run {} was made.",
                       d.run->id);
  out += "</p>\n</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace cc::program
