// Declares the HTML report's template, style sheet and script: trainer/web/report.{html,css,js},
// embedded into the program at build time (trainer/embed_web.cmake).
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <string_view>

namespace ctnn_train::web {

extern const std::string_view report_html;
extern const std::string_view report_css;
extern const std::string_view report_js;

}  // namespace ctnn_train::web
