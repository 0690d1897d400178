// Defines what ctnn's Google Benchmark programs share: default flags for a shared, noisy machine
// and a reporter that keeps each benchmark's median of one per-item counter for the ratios.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ctnn_bench {

/// Prints as the console reporter does and keeps each benchmark's median of `counter`, in ns.
class median_reporter : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> median_ns;

  // Colours on a terminal only, as the default reporter's --benchmark_color=auto: that flag does
  // not reach a reporter made by the program.
  explicit median_reporter(std::string counter)
      : ConsoleReporter(isatty(STDOUT_FILENO) != 0 ? OO_ColorTabular : OO_Tabular),
        counter_(std::move(counter)) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      const auto counter = run.counters.find(counter_);
      if (counter == run.counters.end()) continue;
      // Without repetitions the one run is the figure; with them, the median aggregate is.
      if (run.run_type == Run::RT_Iteration ? run.repetitions <= 1 : run.aggregate_name == "median")
        median_ns[run.run_name.function_name] = counter->second.value * 1e9;
    }
  }

 private:
  std::string counter_;
};

/// benchmark::Initialize with `defaults` before the command line's flags, which come after them
/// and so win: repetitions in a random interleaving spread a noisy stretch of a shared machine
/// over every benchmark rather than landing on one. Returns false on an unknown flag.
inline bool initialize(int argc, char** argv, std::vector<std::string> defaults) {
  defaults.insert(defaults.end(), {"--benchmark_enable_random_interleaving=true",
                                   "--benchmark_report_aggregates_only=true"});
  std::vector<char*> args{argv[0]};
  for (std::string& flag : defaults) args.push_back(flag.data());
  args.insert(args.end(), argv + 1, argv + argc);
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  return !benchmark::ReportUnrecognizedArguments(count, args.data());
}

}  // namespace ctnn_bench
