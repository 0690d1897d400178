// The command line's shape, checked flag by flag against known_flags.
// SPDX-License-Identifier: BSL-1.0
#include "arguments.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "errors.hpp"

namespace ctnn_train {

namespace {

constexpr std::string_view task_list = "or, or-tanh, xor";

bool is_task(std::string_view name) { return name == "or" || name == "or-tanh" || name == "xor"; }

bool is_help(std::string_view arg) { return arg == "--help" || arg == "-h"; }

const flag_spec* find_flag(std::string_view name) {
  const auto found = std::find_if(known_flags.begin(), known_flags.end(),
                                  [&](const flag_spec& flag) { return flag.name == name; });
  return found == known_flags.end() ? nullptr : &*found;
}

/// The command line with its task first, for a message that shows the fix.
std::string reordered(std::span<const char* const> arguments, std::string_view command) {
  std::string line = fmt::format("ctnn-train {}", command);
  for (const char* arg : arguments)
    if (arg != command) line += fmt::format(" {}", printable(arg, 40));
  return line;
}

}  // namespace

std::string printable(std::string_view text, std::size_t limit) {
  std::string result;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      result += "\\n";
    } else if (c == '\t') {
      result += "\\t";
    } else if (c == '\\') {
      result += "\\\\";
    } else if (byte < 0x20 || byte > 0x7e) {
      result += fmt::format("\\x{:02x}", byte);
    } else {
      result += c;
    }
  }
  if (result.size() > limit) result = result.substr(0, limit > 3 ? limit - 3 : 0) + "...";
  return result;
}

void check_arguments(std::span<const char* const> arguments) {
  if (arguments.empty())
    throw input_error(fmt::format("no task given (expected {}, or sweep); try --help", task_list));
  const std::string_view first = arguments.front();
  if (is_help(first) || first == "--version") return;  // CLI11 answers these
  if (first.starts_with('-')) {
    const auto command = std::find_if(arguments.begin(), arguments.end(), [](const char* arg) {
      return is_task(arg) || std::string_view(arg) == "sweep";
    });
    if (command == arguments.end())
      throw input_error(
          fmt::format("no task given (expected {}, or sweep); try --help", task_list));
    throw input_error(
        fmt::format("the task comes first, then its flags: {}", reordered(arguments, *command)));
  }
  const bool sweep = first == "sweep";
  if (!sweep && !is_task(first))
    throw input_error(
        fmt::format("unknown task '{}' (expected {}, or sweep)", printable(first), task_list));

  std::map<std::string_view, std::vector<std::string_view>> values;
  std::optional<std::string_view> sweep_task;
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    const std::string_view arg = arguments[i];
    if (is_help(arg)) return;
    if (!arg.starts_with('-') || arg == "-") {
      if (sweep && !sweep_task) {
        sweep_task = arg;
        continue;
      }
      throw input_error(fmt::format("unexpected argument '{}' ({} takes {}); try --help",
                                    printable(arg), sweep ? "sweep" : first,
                                    sweep ? "one task and flags" : "flags only"));
    }
    const std::size_t equals = arg.find('=');
    const std::string_view name = arg.substr(0, equals);
    const flag_spec* flag = find_flag(name);
    if (flag == nullptr)
      throw input_error(fmt::format("unknown flag '{}' for {}; try ctnn-train {} --help",
                                    printable(name), sweep ? "sweep" : first,
                                    sweep ? "sweep" : first));
    if (flag->scope == flag_scope::sweep && !sweep)
      throw input_error(
          fmt::format("{} is a flag of sweep, which trains many seeds: ctnn-train "
                      "sweep {} {} ...",
                      flag->name, first, flag->name));
    if (flag->scope == flag_scope::tasks && sweep)
      throw input_error(fmt::format(
          "{} is not a flag of sweep, which trains many networks and keeps none; train one "
          "seed with ctnn-train <task> {} ...",
          flag->name, flag->name));
    if (flag->name == "--version") throw input_error("--version comes alone: ctnn-train --version");
    std::string_view value;
    if (flag->expects.empty()) {
      if (equals != std::string_view::npos)
        throw input_error(fmt::format("{} takes no value, got '{}'", flag->name,
                                      printable(arg.substr(equals + 1))));
    } else if (equals != std::string_view::npos) {
      value = arg.substr(equals + 1);
    } else if (i + 1 < arguments.size()) {
      value = arguments[++i];
    } else {
      throw input_error(fmt::format("{} needs a value: {}", flag->name, flag->expects));
    }
    if (!flag->expects.empty() && value.empty())
      throw input_error(fmt::format("{}: expected {}, got ''", flag->name, flag->expects));
    std::vector<std::string_view>& given = values[flag->name];
    given.push_back(value);
    if (given.size() == 2) {
      throw input_error(flag->expects.empty()
                            ? fmt::format("{} is given twice; give it once", flag->name)
                            : fmt::format("{} is given twice ('{}' and '{}'); give it once",
                                          flag->name, printable(given[0], 30),
                                          printable(given[1], 30)));
    }
  }
  if (sweep && !sweep_task)
    throw input_error(
        fmt::format("sweep: no task given (expected {}): ctnn-train sweep xor ...", task_list));
}

}  // namespace ctnn_train
