// Defines `ctnn_train::run_task`: trains one of the homework's networks and prints the homework's
// report, made right: gradient check, progress, every pattern's result, the weights under the
// homework's names, and for XOR the answer to Problem 5.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <ctnn/forward.hpp>
#include <ctnn/gradient.hpp>
#include <ctnn/initialize.hpp>
#include <ctnn/random.hpp>
#include <ctnn/reference_gradient.hpp>
#include <ctnn/topology_name.hpp>
#include <ctnn/train.hpp>
#include <filesystem>
#include <optional>
#include <ostream>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "divergence.hpp"
#include "errors.hpp"
#include "explain.hpp"
#include "html_report.hpp"
#include "model_io.hpp"
#include "output_files.hpp"
#include "progress.hpp"
#include "svg.hpp"
#include "tasks.hpp"

namespace ctnn_train {

/// What a single training run is asked to do; the command line fills it in.
struct run_settings {
  std::size_t epochs = 0;
  double learning_rate = 0.05;
  std::uint64_t seed = 1;
  /// An "epoch N; error=E" line every this many epochs (and for the last); 0 for none.
  std::size_t print_every = 50;
  std::filesystem::path out = ".";
  std::optional<std::filesystem::path> save, load, export_header;
  /// How a long run shows that it is alive on stderr (the epoch lines on a terminal do too).
  progress_mode progress = progress_mode::off;
  /// Every epoch in the learning curve's CSV, rather than at most curve_csv_rows.
  bool full_curve = false;
};

/// `text` broken into lines of at most `width` characters, each starting with `indent`.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent);

/// The files a run writes into `out` for `task`: learning curve (SVG, CSV) and network diagram.
std::filesystem::path output_file(const std::filesystem::path& out, std::string_view task,
                                  std::string_view suffix);

/// The files of a single run, reserved (and --out created) when it is made, before training:
/// the learning curve's SVG and CSV when the run trains, the network diagram, the HTML report,
/// and the --save and --export-header files when asked for. Destroyed uncommitted, it leaves
/// nothing.
struct run_outputs {
  output_files files;
  std::optional<std::size_t> curve_svg, curve_csv, save, header;
  std::size_t diagram = 0, report = 0;

  run_outputs(const run_settings& settings, std::string_view task);
};

/// Throws input_error naming `flag` and `file` unless `values` are all finite: JSON and
/// constexpr parameters have no room for NaN or infinity.
void check_finite_parameters(std::span<const double> values, std::string_view flag,
                             const std::filesystem::path& file);

/// `value` with 4 decimals, or in scientific notation once that would take more than 12 digits
/// (a loaded model may hold any finite value).
std::string readable_number(double value);

/// The scalar type's name as the command line spells it.
template <class T>
inline constexpr std::string_view scalar_name = std::is_same_v<T, float> ? "float" : "double";

namespace detail {

template <class Net, class T>
ctnn::parameters<Net, double> to_double(const ctnn::parameters<Net, T>& params) {
  ctnn::parameters<Net, double> result;
  for (std::size_t i = 0; i < Net::parameter_count; ++i)
    result.values[i] = static_cast<double>(params.values[i]);
  return result;
}

template <class Task, class T>
void print_gradient_check(std::ostream& out, const ctnn::parameters<typename Task::network, T>& p,
                          std::size_t pattern) {
  const auto& data = Task::template data<T>();
  const auto& x = data.inputs[pattern];
  const auto& y = data.targets[pattern];
  const auto closed_form = ctnn::gradient(p, x, y);
  const auto reference = ctnn::dual_gradient(p, x, y);
  const double output = static_cast<double>(ctnn::predict(p, {x[0], x[1]})[0]);
  out << "Gradient check: first pattern of epoch 0\n";
  out << fmt::format("  input [{}, {}]   output {:.3f}   target {}\n", x[0], x[1], output, y[0]);
  out << fmt::format("  {:<9}  {:>16}  {:>16}  {:>10}\n", "parameter", "closed form",
                     "dual numbers", "difference");
  double largest = 0;
  std::size_t largest_at = 0;
  for (std::size_t i = 0; i < Task::parameter_names.size(); ++i) {
    const double a = static_cast<double>(closed_form.values[i]);
    const double b = static_cast<double>(reference.values[i]);
    const double difference = std::abs(a - b);
    if (difference > largest) largest = difference, largest_at = i;
    out << fmt::format("  {:<9}  {:>16.12f}  {:>16.12f}  {:>10.1e}\n", Task::parameter_names[i], a,
                       b, difference);
  }
  out << fmt::format("  largest difference {:.1e}{}\n\n", largest,
                     largest > 0 ? fmt::format(" ({})", Task::parameter_names[largest_at]) : "");
}

/// Whether every output of `p` is on its target's side of 0.5.
template <class Task, class T>
bool all_on_correct_side(const ctnn::parameters<typename Task::network, T>& p) {
  const auto& data = Task::template data<T>();
  for (std::size_t n = 0; n < data.size; ++n) {
    const T output = ctnn::predict(p, {data.inputs[n][0], data.inputs[n][1]})[0];
    if ((output > T(0.5)) != (data.targets[n][0] > T(0.5))) return false;
  }
  return true;
}

/// The page's description of a run, but for what only training and the end tell.
template <class Task, class T>
html_report_data report_data(const run_settings& settings,
                             const ctnn::parameters<typename Task::network, T>& initial) {
  using Net = typename Task::network;
  const auto& data = Task::template data<T>();
  html_report_data page;
  page.task = Task::name;
  page.description = Task::description;
  page.topology = ctnn::topology_name<Net>();
  page.scalar = scalar_name<T>;
  page.learning_rate = settings.learning_rate;
  page.epochs = settings.epochs;
  page.seed = settings.seed;
  page.parameters_from = settings.load ? fmt::format("loaded from {}", settings.load->string())
                                       : std::string("drawn from N(0, 1) by pcg32(seed)");
  page.shape = ctnn::model_shape_of<Net, T>();
  page.parameter_names.assign(Task::parameter_names.begin(), Task::parameter_names.end());
  for (std::size_t n = 0; n < data.size; ++n) {
    page.patterns[n] = {static_cast<double>(data.inputs[n][0]),
                        static_cast<double>(data.inputs[n][1])};
    page.targets[n] = static_cast<double>(data.targets[n][0]);
  }
  page.snapshots.reserve(report_snapshot_limit);
  page.snapshots.push_back(
      {0, std::nullopt, {std::begin(initial.values), std::end(initial.values)}});
  page.errors.reserve(settings.epochs);
  page.solved.reserve(settings.epochs + 1);
  page.solved.push_back(all_on_correct_side<Task>(initial));
  return page;
}

template <class Task, class T>
outcome print_final_result(std::ostream& out,
                           const ctnn::parameters<typename Task::network, T>& p) {
  const auto& data = Task::template data<T>();
  std::array<double, 4> outputs{}, targets{};
  out << "Final result\n";
  out << fmt::format("  {:<8}  {:>7}  {:>6}\n", "input", "output", "target");
  for (std::size_t n = 0; n < data.size; ++n) {
    outputs[n] = static_cast<double>(ctnn::predict(p, {data.inputs[n][0], data.inputs[n][1]})[0]);
    targets[n] = static_cast<double>(data.targets[n][0]);
    const bool right = (outputs[n] > 0.5) == (targets[n] > 0.5);
    out << fmt::format("  [{}, {}]    {:>7.3f}  {:>6}  {}\n", data.inputs[n][0], data.inputs[n][1],
                       outputs[n], targets[n],
                       right ? (std::abs(outputs[n] - targets[n]) < 0.1 ? "right, within 0.1"
                                                                        : "right side of 0.5")
                             : "WRONG side of 0.5");
  }
  const outcome result = assess(outputs, targets);
  out << fmt::format(
      "  {}: {} of {} outputs on the correct side of 0.5, {} within 0.1 of the target\n\n",
      result.solved() ? "solved" : "not solved", result.correct_side, result.patterns,
      result.within_0_1);
  return result;
}

template <class Task, class T>
void print_parameters(std::ostream& out, const ctnn::parameters<typename Task::network, T>& p) {
  const auto value = [&](std::size_t i) {
    return fmt::format("{} = {:>8}", Task::parameter_names[i],
                       readable_number(static_cast<double>(p.values[i])));
  };
  out << "Learned parameters\n";
  if constexpr (Task::parameter_names.size() == 3) {
    out << fmt::format("  {}   {}   {}\n\n", value(0), value(1), value(2));
  } else {
    out << fmt::format("  hidden unit h (over x0, x1):      {}   {}                  {}\n",
                       value(0), value(1), value(2));
    out << fmt::format("  output unit (over x0, x1, h):     {}   {}   {}   {}\n\n", value(3),
                       value(4), value(5), value(6));
  }
}

inline void print_problem_5(std::ostream& out, const xor_explanation& e) {
  out << "Problem 5: how the network computes XOR\n";
  out << fmt::format("  {:<7}  {:>8}  {:>6}  {:>8}  {:>6}  {:>6}\n", "input", "net_h", "h", "net_y",
                     "yhat", "target");
  for (const xor_step& step : e.steps) {
    out << fmt::format("  [{}, {}]   {:>8}  {:>6.3f}  {:>8}  {:>6.3f}  {:>6}\n", step.input[0],
                       step.input[1], readable_number(step.net_hidden), step.hidden,
                       readable_number(step.net_output), step.output, step.target);
  }
  out << "  (net_h = w_3 x0 + w_4 x1 + b_0, h = g(net_h); net_y = w_0 x0 + w_1 x1 + w_2 h + b_1,"
         " yhat = g(net_y))\n\n";
  for (const std::string& paragraph : e.account) out << wrap(paragraph, 98, "  ") << '\n';
  out << fmt::format("  Solution family: {}\n\n", e.family);
}

}  // namespace detail

/// Trains Task's network in scalar type T as `settings` says and prints the report to out; writes
/// the learning curve, the network diagram and any --save / --export-header file, all of them or
/// none. Throws divergence_error if the epoch error stops being finite, input_error if a model
/// cannot be loaded or a file cannot be written (an output path is checked before training);
/// either way having written nothing.
template <class Task, class T>
void run_task(const run_settings& settings, std::ostream& out) {
  using Net = typename Task::network;
  const auto& data = Task::template data<T>();

  // A loaded model starts a new run from its parameters, its orders drawn from pcg32(seed), as
  // ctnn::train(params, data, options) does.
  ctnn::training_run<Net, T> run =
      settings.load ? ctnn::training_run<Net, T>{load_model<Net, T>(*settings.load, Task::name),
                                                 ctnn::pcg32(settings.seed)}
                    : ctnn::start_training<Net, T>(settings.seed);
  ctnn::parameters<Net, T>& params = run.params;
  // Before training, so that a path that cannot be written costs no time and leaves nothing.
  run_outputs outputs(settings, Task::name);

  out << fmt::format("ctnn-train {}: {}\n", Task::name, Task::description);
  out << fmt::format("  topology       {}\n", ctnn::topology_name<Net>());
  out << fmt::format("  settings       learning rate {}, {} epochs, seed {}, {}\n",
                     settings.learning_rate, settings.epochs, settings.seed, scalar_name<T>);
  out << fmt::format("  parameters     {}\n\n",
                     settings.load ? fmt::format("loaded from {}", settings.load->string())
                                   : std::string("drawn from N(0, 1) by pcg32(seed)"));

  // The page shows the terminal's sections as they are printed.
  html_report_data page = detail::report_data<Task>(settings, params);
  {
    std::ostringstream section;
    detail::print_gradient_check<Task>(
        section, params, ctnn::epoch_order<std::remove_cvref_t<decltype(data)>::size>(run.rng)[0]);
    page.gradient_check = section.str();
    out << page.gradient_check;
  }

  std::vector<double>& errors = page.errors;
  const std::size_t snapshot_every = snapshot_interval(settings.epochs);
  if (settings.epochs > 0) out << "Training (error = the epoch's summed loss)\n";
  const std::size_t last = settings.epochs == 0 ? 0 : settings.epochs - 1;
  // On a terminal the epoch lines show progress, unless there are none.
  progress_meter progress(settings.print_every > 0 && settings.progress == progress_mode::terminal
                              ? progress_mode::off
                              : settings.progress,
                          std::string(Task::name), settings.epochs, "epochs");
  ctnn::train(
      run, data, settings.learning_rate, settings.epochs,
      [&](std::size_t epoch, T error, const ctnn::parameters<Net, T>& current) {
        if (diverged(error, current)) {
          throw divergence_error(fmt::format(
              "training diverged at epoch {}: {} (learning rate {} is too large?)", epoch,
              std::isfinite(error)
                  ? fmt::format("the parameters' norm passed {:g}", divergence_bound)
                  : fmt::format("the epoch error is {}", std::isnan(error) ? "NaN" : "infinite"),
              settings.learning_rate));
        }
        if (epoch % 1024 == 0) progress.update(epoch);
        errors.push_back(static_cast<double>(error));
        page.solved.push_back(detail::all_on_correct_side<Task>(current));
        if ((epoch + 1) % snapshot_every == 0 || epoch == last)
          page.snapshots.push_back({epoch + 1,
                                    static_cast<double>(error),
                                    {std::begin(current.values), std::end(current.values)}});
        if (settings.print_every > 0 && (epoch % settings.print_every == 0 || epoch == last))
          out << fmt::format("  epoch {}; error={:.3f}\n", epoch, error);
        return true;
      });
  if (settings.epochs > 0) out << '\n';

  const outcome result = detail::print_final_result<Task>(out, params);
  detail::print_parameters<Task>(out, params);
  std::string family;
  if constexpr (std::is_same_v<Net, xor_net>) {
    const xor_explanation e = explain_xor(detail::to_double(params));
    std::ostringstream section;
    detail::print_problem_5(section, e);
    page.problem_5 = section.str();
    out << page.problem_5;
    family = e.verdict == "solved" ? e.family : e.verdict;
  }

  // Every file is written before any is renamed into place: all appear, or none.
  output_files& files = outputs.files;
  if (outputs.curve_svg) {
    files.write(*outputs.curve_svg, learning_curve_svg(errors, Task::plot_title));
    files.write(*outputs.curve_csv, learning_curve_csv(errors, settings.full_curve));
  }
  const std::vector<std::string> names(Task::parameter_names.begin(), Task::parameter_names.end());
  files.write(outputs.diagram,
              network_diagram_svg(params, names,
                                  fmt::format("{} after {} epochs (seed {})", Task::name,
                                              settings.epochs, settings.seed)));
  const std::string verdict =
      fmt::format("{}: {} ({} of {} on the correct side of 0.5, {} within 0.1){}", Task::name,
                  result.solved() ? "solved" : "not solved", result.correct_side, result.patterns,
                  result.within_0_1, family.empty() ? "" : fmt::format("; {}", family));
  page.verdict = verdict;
  for (const std::filesystem::path& file : files.targets()) page.files.push_back(file.string());
  files.write(outputs.report, html_report(page));
  const std::vector<double> values(std::begin(params.values), std::end(params.values));
  if (outputs.save) {
    check_finite_parameters(values, "--save", *settings.save);
    files.write(*outputs.save, model_json(Task::name, params));
  }
  if (outputs.header) {
    check_finite_parameters(values, "--export-header", *settings.export_header);
    files.write(*outputs.header, header_source(Task::name, params));
  }
  files.commit();
  std::vector<std::string> written;
  for (const std::filesystem::path& file : files.targets()) written.push_back(file.string());
  out << "Files written\n";
  for (const std::string& file : written) out << "  " << file << '\n';
  out << '\n';

  out << verdict << '\n';
}

}  // namespace ctnn_train
