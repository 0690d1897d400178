// ctnn-train's command line: CLI11 for the grammar, checked parsing for every value, and the
// dispatch from a task name and scalar type to the templates that train.
// SPDX-License-Identifier: BSL-1.0
#include "cli.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <system_error>
#include <vector>

#include "arguments.hpp"
#include "errors.hpp"
#include "output_files.hpp"
#include "report.hpp"
#include "rate_grid.hpp"
#include "sweep.hpp"
#include "sweep_pages.hpp"
#include "tasks.hpp"

#ifndef CTNN_TRAIN_VERSION
#  error "CTNN_TRAIN_VERSION must be defined by the build (the CMake project version)"
#endif

namespace ctnn_train {

namespace {

/// The flags' text as given; each is checked once the task is known.
struct raw_options {
  std::string epochs, learning_rate, seed = "1", scalar = "double", print_every = "50", out = ".",
                                     save, load, export_header, seeds = "100", threads = "0",
                                     sweep_task, progress = "auto", isa,
                                     learning_rates;
  bool full_curve = false;
};

std::optional<task_kind> find_task(std::string_view name) {
  if (name == "or") return task_kind::logical_or;
  if (name == "or-tanh") return task_kind::logical_or_tanh;
  if (name == "xor") return task_kind::logical_xor;
  return std::nullopt;
}

/// Calls f.template operator()<task<kind>, T>() for the run's task and scalar type.
template <class F>
void dispatch(task_kind kind, bool single_precision, F&& f) {
  const auto with_scalar = [&]<class Task>() {
    if (single_precision) {
      f.template operator()<Task, float>();
    } else {
      f.template operator()<Task, double>();
    }
  };
  switch (kind) {
    case task_kind::logical_or:
      with_scalar.template operator()<task<task_kind::logical_or>>();
      break;
    case task_kind::logical_or_tanh:
      with_scalar.template operator()<task<task_kind::logical_or_tanh>>();
      break;
    case task_kind::logical_xor:
      with_scalar.template operator()<task<task_kind::logical_xor>>();
      break;
  }
}

std::size_t default_epochs(task_kind kind) {
  switch (kind) {
    case task_kind::logical_or:
      return task<task_kind::logical_or>::default_epochs;
    case task_kind::logical_or_tanh:
      return task<task_kind::logical_or_tanh>::default_epochs;
    case task_kind::logical_xor:
      return task<task_kind::logical_xor>::default_epochs;
  }
  return 0;
}

std::string_view description_of(task_kind kind) {
  switch (kind) {
    case task_kind::logical_or:
      return task<task_kind::logical_or>::description;
    case task_kind::logical_or_tanh:
      return task<task_kind::logical_or_tanh>::description;
    case task_kind::logical_xor:
      return task<task_kind::logical_xor>::description;
  }
  return {};
}

bool parse_scalar(const std::string& text) {
  if (text == "float") return true;
  if (text == "double") return false;
  throw input_error(fmt::format("--scalar: expected float or double, got '{}'", printable(text)));
}

/// The learning rate as the scalar type will hold it: a rate that float rounds to 0 would train
/// nothing, and one beyond float's range would be infinite.
double checked_learning_rate(const std::string& text, bool single_precision) {
  const double rate = text.empty() ? 0.05 : parse_learning_rate(text);
  if (single_precision) {
    const float in_float = static_cast<float>(rate);
    if (in_float == 0)
      throw input_error(fmt::format(
          "--learning-rate: {} is 0 in float, which would train nothing (float's smallest is "
          "{:g}); use --scalar double",
          printable(text), std::numeric_limits<float>::denorm_min()));
    if (!std::isfinite(in_float))
      throw input_error(fmt::format("--learning-rate: {} is beyond float's range (largest {:g})",
                                    printable(text), std::numeric_limits<float>::max()));
  }
  return rate;
}

progress_mode parse_progress(const std::string& text) {
  if (text == "auto")
    return isatty(STDERR_FILENO) != 0 ? progress_mode::terminal : progress_mode::lines;
  if (text == "lines") return progress_mode::lines;
  if (text == "off") return progress_mode::off;
  throw input_error(
      fmt::format("--progress: expected auto, lines or off, got '{}'", printable(text)));
}

/// A file to be written, or none if the flag was not given; `output_files` checks it before
/// training, once --out (which may hold it) has been created.
std::optional<std::filesystem::path> output_path(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return std::filesystem::path(text);
}

void add_training_flags(CLI::App& command, raw_options& raw) {
  command
      .add_option("--epochs", raw.epochs,
                  "Epochs to train (default: the homework's; 0 with --load)")
      ->type_name("N");
  command.add_option("--learning-rate", raw.learning_rate, "SGD learning rate, > 0 (default 0.05)")
      ->type_name("RATE");
  command
      .add_option("--seed", raw.seed, "Seed of the pcg32 behind initialisation and pattern orders")
      ->type_name("N")
      ->capture_default_str();
  command.add_option("--scalar", raw.scalar, "Scalar type: float or double")
      ->type_name("TYPE")
      ->capture_default_str();
  command.add_option("--out", raw.out, "Directory for the pictures and CSV files")
      ->type_name("DIR")
      ->capture_default_str();
  command
      .add_option("--progress", raw.progress,
                  "Progress on stderr: auto (a live line on a terminal, else a line every 5 s), "
                  "lines, or off")
      ->type_name("WHEN")
      ->capture_default_str();
  command.add_flag("--full-curve", raw.full_curve,
                   "Write every epoch to the CSV (by default at most 100000 rows, evenly spaced)");
}

void run_single(task_kind kind, const raw_options& raw, bool epochs_given, std::ostream& out) {
  run_settings settings;
  const bool single_precision = parse_scalar(raw.scalar);
  settings.load = raw.load.empty() ? std::nullopt : std::optional<std::filesystem::path>(raw.load);
  settings.epochs = epochs_given ? parse_whole_number(raw.epochs, "--epochs", 0, max_epochs)
                                 : (settings.load ? 0 : default_epochs(kind));
  settings.learning_rate = checked_learning_rate(raw.learning_rate, single_precision);
  settings.seed = parse_whole_number(raw.seed, "--seed", 0, UINT64_MAX);
  settings.progress = parse_progress(raw.progress);
  settings.full_curve = raw.full_curve;
  settings.print_every = parse_whole_number(raw.print_every, "--print-every", 0, UINT64_MAX);
  settings.out = raw.out;
  settings.save = output_path(raw.save);
  settings.export_header = output_path(raw.export_header);
  if (settings.export_header && settings.export_header->extension() != ".hpp")
    throw input_error(fmt::format("--export-header: expected a file name ending in .hpp, got '{}'",
                                  printable(raw.export_header)));
  dispatch(kind, single_precision,
           [&]<class Task, class T>() { run_task<Task, T>(settings, out); });
}

/// The most counts a grid keeps (one per rate and epoch, 4 bytes each): 200 MB.
constexpr std::size_t grid_count_limit = 50'000'000;
/// The most runs a grid keeps: about 200 bytes each.
constexpr std::size_t grid_run_limit = 1'000'000;

/// `ctnn-train sweep <task> --learning-rates ...`: every seed at every rate, side by side in
/// lanes, with a table by rate, a heat map and its CSV, and a CSV of the table.
template <class Task, class T>
void run_rate_grid(sweep_settings settings, const std::vector<double>& rates, std::ostream& out) {
  if (settings.runs * rates.size() > grid_run_limit)
    throw input_error(fmt::format(
        "--learning-rates: {} rates x {} seeds is {} runs; a grid keeps at most {} (fewer --seeds "
        "or rates)",
        rates.size(), settings.runs, settings.runs * rates.size(), grid_run_limit));
  if (settings.epochs * rates.size() > grid_count_limit)
    throw input_error(fmt::format(
        "--learning-rates: {} rates x {} epochs is more than the {} counts a grid keeps (fewer "
        "--epochs or rates)",
        rates.size(), settings.epochs, grid_count_limit));
  output_files files;
  files.create_directory(settings.out, "--out");
  const std::string stem = fmt::format("sweep-{}-rates", Task::name);
  const auto svg = output_file(settings.out, stem, ".svg");
  const auto csv = output_file(settings.out, stem, ".csv");
  const auto summary = output_file(settings.out, stem, "-summary.csv");
  const std::size_t svg_file = files.reserve(svg, "--out");
  const std::size_t csv_file = files.reserve(csv, "--out");
  const std::size_t summary_file = files.reserve(summary, "--out");
  rate_grid_result grid;
  grid.rates = rates;
  grid.sweeps = run_sweeps<Task, T>(settings, rates);
  grid.threads = grid.sweeps.empty() ? 1 : grid.sweeps.front().threads;
  print_rate_grid(out, Task::name, scalar_name<T>, settings, grid);
  files.write(svg_file,
              rate_grid_heatmap_svg(grid, fmt::format("fraction of {} runs solved by learning "
                                                      "rate and epoch ({}, seeds {} ..)",
                                                      settings.runs, Task::name,
                                                      settings.base_seed)));
  files.write(csv_file, rate_grid_heatmap_csv(grid, settings.full_curve));
  files.write(summary_file, rate_grid_summary_csv(grid));
  files.commit();
  out << "Files written\n";
  for (const std::filesystem::path& file : files.targets()) out << "  " << file.string() << '\n';
  out << '\n';
  out << rate_grid_verdict(Task::name, grid);
}

void run_sweep_command(const raw_options& raw, bool epochs_given, std::ostream& out) {
  const std::optional<task_kind> kind = find_task(raw.sweep_task);
  if (!kind)
    throw input_error(fmt::format("sweep: unknown task '{}' (expected or, or-tanh, xor)",
                                  printable(raw.sweep_task)));
  sweep_settings settings;
  const bool single_precision = parse_scalar(raw.scalar);
  settings.runs = parse_whole_number(raw.seeds, "--seeds", 1, 1'000'000);
  settings.epochs = epochs_given ? parse_whole_number(raw.epochs, "--epochs", 0, max_epochs)
                                 : default_epochs(*kind);
  settings.learning_rate = checked_learning_rate(raw.learning_rate, single_precision);
  std::vector<double> rates;
  if (!raw.learning_rates.empty()) {
    if (!raw.learning_rate.empty())
      throw input_error(
          "--learning-rates: give one learning rate (--learning-rate) or a grid of them "
          "(--learning-rates), not both");
    rates = parse_learning_rates(raw.learning_rates, single_precision);
  }
  settings.base_seed = parse_whole_number(raw.seed, "--seed", 0, UINT64_MAX - settings.runs);
  settings.threads = static_cast<unsigned>(parse_whole_number(raw.threads, "--threads", 0, 1024));
  settings.out = raw.out;
  settings.progress = parse_progress(raw.progress);
  settings.full_curve = raw.full_curve;
  settings.instructions = sweep_instruction_set(
      raw.isa.empty() ? std::nullopt : std::optional<std::string_view>(raw.isa),
      std::getenv("CTNN_ISA"));
  if (!rates.empty()) {
    dispatch(*kind, single_precision,
             [&]<class Task, class T>() { run_rate_grid<Task, T>(settings, rates, out); });
    return;
  }
  dispatch(*kind, single_precision, [&]<class Task, class T>() {
    // Reserved before the sweep, so that a path that cannot be written costs no time.
    output_files files;
    files.create_directory(settings.out, "--out");
    const std::string stem = fmt::format("sweep-{}", Task::name);
    const auto svg = output_file(settings.out, stem, "-solved.svg");
    const auto csv = output_file(settings.out, stem, "-solved.csv");
    const auto epoch_svg = output_file(settings.out, stem, "-solved-epoch.svg");
    const auto outcomes_file = output_file(settings.out, stem, "-outcomes.svg");
    const auto runs_csv = output_file(settings.out, stem, "-runs.csv");
    const auto page = output_file(settings.out, stem, ".html");
    const std::size_t svg_file = files.reserve(svg, "--out");
    const std::size_t csv_file = files.reserve(csv, "--out");
    const std::size_t epoch_svg_file = files.reserve(epoch_svg, "--out");
    const std::size_t outcomes_svg_file = files.reserve(outcomes_file, "--out");
    const std::size_t runs_csv_file = files.reserve(runs_csv, "--out");
    const std::size_t page_file = files.reserve(page, "--out");
    const sweep_result result = run_sweep<Task, T>(settings);
    print_sweep(out, Task::name, scalar_name<T>, settings, result);
    for (const sweep_run& run : result.runs) {
      if (run.diverged_at) {
        throw divergence_error(
            fmt::format("training diverged: seed {} at epoch {} (learning rate {} is too large?)",
                        run.seed, *run.diverged_at, settings.learning_rate));
      }
    }
    const std::vector<double> fraction = solved_fraction(result);
    const sweep_description sweep{
        std::string(Task::name), std::string(scalar_name<T>),
        std::vector<std::string>(Task::parameter_names.begin(), Task::parameter_names.end()),
        settings};
    sweep_pictures pictures{
        solved_fraction_svg(fraction, fmt::format("fraction of {} runs solved ({}, seeds {} ..)",
                                                  settings.runs, Task::name, settings.base_seed)),
        solved_epoch_svg(sweep, result), outcomes_svg(sweep, result)};
    files.write(svg_file, pictures.solved_fraction);
    files.write(csv_file, solved_fraction_csv(fraction, settings.full_curve));
    files.write(epoch_svg_file, pictures.solved_epoch);
    files.write(outcomes_svg_file, pictures.outcomes);
    files.write(runs_csv_file, sweep_runs_csv(sweep, result));
    // The page links the other files by name: they are written beside it.
    std::vector<std::string> others;
    for (const auto& file : {svg, csv, epoch_svg, outcomes_file, runs_csv})
      others.push_back(file.filename().string());
    files.write(page_file, sweep_page_html(sweep, result, pictures, others));
    files.commit();
    out << "Files written\n";
    for (const std::filesystem::path& file : files.targets()) out << "  " << file.string() << '\n';
    out << '\n';
    out << sweep_verdict(Task::name, result);
  });
}

/// A message on one line whatever it quotes: a line break in a file name or value would split it.
std::string one_line(std::string_view message) {
  std::string line;
  for (const char c : message) {
    if (c == '\n' || c == '\r')
      line += c == '\n' ? "\\n" : "\\r";
    else
      line += c;
  }
  return line;
}

}  // namespace

std::uint64_t parse_whole_number(std::string_view text, std::string_view flag,
                                 std::uint64_t minimum, std::uint64_t maximum) {
  std::uint64_t value = 0;
  const char* const end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.starts_with('-') && text.size() > 1 && stop == text.data() &&
      text.find_first_not_of("0123456789", 1) == std::string_view::npos) {
    throw input_error(fmt::format("{}: must not be negative, got '{}'", flag, printable(text)));
  }
  if (text.empty() || stop != end || error == std::errc::invalid_argument)
    throw input_error(fmt::format("{}: expected a whole number, got '{}'", flag, printable(text)));
  if (error == std::errc::result_out_of_range || value < minimum || value > maximum)
    throw input_error(fmt::format("{}: must be from {} to {}, got '{}'", flag, minimum, maximum,
                                  printable(text)));
  return value;
}

double parse_learning_rate(std::string_view text) {
  double value = 0;
  const char* const end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || stop != end || error == std::errc::invalid_argument)
    throw input_error(fmt::format("--learning-rate: expected a number, got '{}'", printable(text)));
  if (error == std::errc::result_out_of_range || !std::isfinite(value) || value <= 0)
    throw input_error(fmt::format(
        "--learning-rate: must be a finite number greater than 0, got '{}'", printable(text)));
  return value;
}

int run_command_line(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{
      "Trains the networks of the homework \"Neural networks, part B\" (NYU Computational "
      "Cognitive "
      "Modeling) with ctnn, checks their gradients, and explains what they learned.",
      "ctnn-train"};
  app.set_version_flag("--version", std::string("ctnn-train ") + CTNN_TRAIN_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit status: 0 done; 2 bad input (one line on stderr; nothing written or replaced); 3 "
      "training diverged (the epoch error not finite, or the parameters' norm beyond 1e6; nothing "
      "written); 4 the report could not be written to standard output (the files were). Files "
      "appear whole, all of a run's together; SIGINT, SIGTERM and SIGHUP leave none behind.");
  raw_options raw;
  std::vector<std::pair<CLI::App*, task_kind>> single;
  for (std::string_view name : task_names) {
    CLI::App* command =
        app.add_subcommand(std::string(name), std::string(description_of(*find_task(name))));
    add_training_flags(*command, raw);
    command
        ->add_option("--print-every", raw.print_every,
                     "Print the epoch error every N epochs (0: never)")
        ->type_name("N")
        ->capture_default_str();
    command->add_option("--save", raw.save, "Save the trained model as JSON")->type_name("FILE");
    command
        ->add_option("--load", raw.load,
                     fmt::format("Start from a model saved by --save (a regular file of at most "
                                 "{} MiB) instead of random weights",
                                 model_file_size_limit >> 20))
        ->type_name("FILE");
    command
        ->add_option("--export-header", raw.export_header,
                     "Write the trained parameters as a constexpr C++ header")
        ->type_name("FILE.hpp");
    single.emplace_back(command, *find_task(name));
  }
  CLI::App* sweep = app.add_subcommand("sweep", "Train many seeds of one task on every core");
  sweep->add_option("task", raw.sweep_task, "The task: or, or-tanh or xor")->required();
  add_training_flags(*sweep, raw);
  sweep->add_option("--seeds", raw.seeds, "Number of runs, seeded --seed, --seed + 1, ...")
      ->type_name("N")
      ->capture_default_str();
  sweep->add_option("--threads", raw.threads, "Worker threads (0: one per core)")
      ->type_name("N")
      ->capture_default_str();
  sweep
      ->add_option("--learning-rates", raw.learning_rates,
                   "Train every seed at each of these learning rates: a list (0.01,0.1,1) or a "
                   "logarithmic range first:last:count (0.01:2:40); writes a table by rate and a "
                   "heat map of the fraction solved by rate and epoch")
      ->type_name("RATES");
  sweep
      ->add_option("--isa", raw.isa,
                   "The vector unit the lanes run on: sse2, avx2 or avx512 (default: the widest "
                   "this CPU has, or the environment variable CTNN_ISA); every one gives the same "
                   "results")
      ->type_name("SET");

  try {
    check_arguments(std::span<const char* const>(argv + 1, static_cast<std::size_t>(argc - 1)));
    try {
      app.parse(argc, argv);
    } catch (const CLI::Success& e) {
      return app.exit(e, out, err);
    } catch (const CLI::RequiredError& e) {
      if (app.get_subcommands().empty())
        throw input_error("no task given (expected or, or-tanh, xor, or sweep); try --help");
      throw input_error(e.what());
    } catch (const CLI::ParseError& e) {
      throw input_error(fmt::format("{} (try --help)", e.what()));
    }
    for (const auto& [command, kind] : single) {
      if (command->parsed())
        run_single(kind, raw, command->get_option("--epochs")->count() > 0, out);
    }
    if (sweep->parsed()) run_sweep_command(raw, sweep->get_option("--epochs")->count() > 0, out);
    return 0;
  } catch (const input_error& e) {
    out.flush();
    err << "ctnn-train: " << one_line(e.what()) << std::endl;
    return bad_input_status;
  } catch (const divergence_error& e) {
    out.flush();
    err << "ctnn-train: " << one_line(e.what()) << std::endl;
    return diverged_status;
  } catch (const std::bad_alloc&) {
    out.flush();
    err << "ctnn-train: not enough memory for this run (fewer --epochs or --seeds?)" << std::endl;
    return bad_input_status;
  }
}

}  // namespace ctnn_train
