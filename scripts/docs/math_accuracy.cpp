// The accuracy table of docs/numerics.md: every function of <ctnn/math.hpp> and ctnn::log_sum_exp,
// in float and double, over tests/math.test.cpp's sweeps (the same points: tests/math_sweep.hpp,
// with the test's intervals and edges), against glibc's function in the same type (whole ulps, as
// the test counts them) and against the exact result (fractions of an ulp; glibc's long double
// functions, whose 11 more bits add at most about 2^-11 ulp of double). Not part of the build or
// the test command:
//   g++ -std=c++20 -O2 -ffp-contract=off -DCTNN_FP_CONTRACT_OFF=1 -Iinclude
//       scripts/docs/math_accuracy.cpp -o /tmp/math_accuracy && /tmp/math_accuracy
// Any compiler gives the same output: ctnn's results are the same bits (docs/numerics.md).
// SPDX-License-Identifier: BSL-1.0
#include <algorithm>
#include <bit>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <cstdio>
#include <ctnn/math.hpp>
#include <ctnn/math/log_sum_exp.hpp>
#include <limits>
#include <random>
#include <type_traits>
#include <utility>
#include <vector>

#include "../../tests/math_sweep.hpp"

namespace {

using namespace ctnn_math_sweep;

// |result - exact| in ulps of T at the exact value (an ulp never less than the least subnormal);
// 0 where both are the same infinity or NaN, infinity where only one is.
// With a scale, the ulp is that of the scale instead (log_sum_exp's absolute error, in ulps of its
// largest value).
template <class T>
double error_in_ulps(T result, long double exact, long double scale = 0) {
  if (std::isnan(result) || std::isnan(exact))
    return std::isnan(result) == std::isnan(exact) ? 0 : INFINITY;
  const long double rounded = static_cast<T>(exact);  // beyond T's range: infinity
  if (!std::isfinite(rounded) || !std::isfinite(result))
    return result == rounded ? 0 : std::numeric_limits<double>::infinity();
  if (exact == 0 && scale == 0) return result == 0 ? 0 : std::numeric_limits<double>::infinity();
  int exponent = 0;
  std::frexp(std::max(std::fabs(exact), std::fabs(scale)), &exponent);
  const long double ulp = std::max(std::ldexp(1.0L, exponent - std::numeric_limits<T>::digits),
                                   static_cast<long double>(std::numeric_limits<T>::denorm_min()));
  return static_cast<double>(std::fabs(static_cast<long double>(result) - exact) / ulp);
}

template <class T>
const char* type_name() {
  return std::same_as<T, float> ? "float" : "double";
}

// One row: the worst whole-ulp distance from glibc's function in T (if it has one) and the worst
// error against the exact result, with the inputs where they occur.
template <class T, class Ctnn, class Glibc, class Exact>
void row(const char* name, const std::vector<T>& points, Ctnn ctnn, Glibc glibc, Exact exact,
         const std::vector<T>* scales = nullptr) {
  std::uint64_t worst_glibc = 0;
  double worst_exact = 0;
  T at_glibc = 0, at_exact = 0;
  for (std::size_t k = 0; k < points.size(); ++k) {
    const T x = points[k];
    const T result = ctnn(x);
    if constexpr (!std::is_same_v<Glibc, std::nullptr_t>) {
      const std::uint64_t d = ulp_distance(result, glibc(x));
      if (d > worst_glibc) worst_glibc = d, at_glibc = x;
    }
    const double e = error_in_ulps<T>(result, exact(static_cast<long double>(x)),
                                      scales ? std::fabs((*scales)[k]) : 0);
    if (e > worst_exact) worst_exact = e, at_exact = x;
  }
  if constexpr (std::is_same_v<Glibc, std::nullptr_t>)
    std::printf("| %s | %s | %zu | (none) | %.3f at %a |\n", name, type_name<T>(), points.size(),
                worst_exact, double(at_exact));
  else
    std::printf("| %s | %s | %zu | %llu at %a | %.3f at %a |\n", name, type_name<T>(),
                points.size(), static_cast<unsigned long long>(worst_glibc), double(at_glibc),
                worst_exact, double(at_exact));
}

template <class T>
constexpr bool is_float = std::same_as<T, float>;

long double exact_softplus(long double x) {
  return (x > 0 ? x : 0) + std::log1p(std::exp(-std::fabs(x)));
}

template <class T>
void rows() {
  const T overflow = is_float<T> ? T(0x1.62e42ep+6) : T(0x1.62e42fefa39efp+9);
  const T underflow = is_float<T> ? T(-0x1.9fe368p+6) : T(-0x1.74910d52d3051p+9);
  // The sweeps of tests/math.test.cpp, function by function.
  const auto exp_points =
      sweep_points<T>(signs::both, {{underflow - 1, overflow + 1}, {-1, 1}},
                      {overflow, underflow, T(-1022 * 0.6931471805599453), T(1), T(-708), T(709)});
  row<T>(
      "exp", exp_points, [](T x) { return ctnn::exp(x); }, [](T x) { return std::exp(x); },
      [](long double x) { return std::exp(x); });
  row<T>(
      "expm1",
      sweep_points<T>(signs::both, {{-40, 40}, {-1, 1}, {T(-1e-3), T(1e-3)}},
                      {T(-64), T(40), T(0.34657359), T(-0.34657359), T(0x1p-5), T(-0x1p-5)}),
      [](T x) { return ctnn::expm1(x); }, [](T x) { return std::expm1(x); },
      [](long double x) { return std::expm1(x); });
  row<T>(
      "log",
      sweep_points<T>(signs::positive, {{T(0.5), 2}, {0, 1000}},
                      {T(1), T(2), T(0.70710678), T(1.41421356), T(-1)}),
      [](T x) { return ctnn::log(x); }, [](T x) { return std::log(x); },
      [](long double x) { return std::log(x); });
  row<T>(
      "sqrt", sweep_points<T>(signs::positive, {{0, 4}, {0, 1e6}}, {T(1), T(2), T(4), T(-1)}),
      [](T x) { return ctnn::sqrt(x); }, [](T x) { return std::sqrt(x); },
      [](long double x) { return std::sqrt(x); });
  row<T>(
      "tanh",
      sweep_points<T>(signs::both, {{-20, 20}, {-1, 1}},
                      {T(0x1p-27), T(-0x1p-27), T(0.55), T(0.75), T(-0.75), T(19.06), T(-19.06),
                       T(20), T(-20), T(9.01), T(-9.01)}),
      [](T x) { return ctnn::tanh(x); }, [](T x) { return std::tanh(x); },
      [](long double x) { return std::tanh(x); });
  const auto sigmoid_points = sweep_points<T>(
      signs::both,
      {{-40, 40}, {-1, 1}, is_float<T> ? std::pair<T, T>{-104, -80} : std::pair<T, T>{-750, -700}},
      {T(746), T(-746), T(-745.13), T(-103.97), T(36.7), T(17.3)});
  // glibc has no logistic function: the test's reference, 1 / (1 + e^-x) in long double rounded.
  row<T>(
      "sigmoid", sigmoid_points, [](T x) { return ctnn::sigmoid(x); },
      [](T x) { return static_cast<T>(1.0L / (1.0L + std::exp(-static_cast<long double>(x)))); },
      [](long double x) { return 1.0L / (1.0L + std::exp(-x)); });
  // softplus and log_sum_exp have no sweep in tests/math.test.cpp: sigmoid's points, and no glibc
  // function.
  row<T>(
      "softplus", sigmoid_points, [](T x) { return ctnn::softplus(x); }, nullptr, exact_softplus);
  // log_sum_exp of {x, x + d}: x from sigmoid's points, d uniform in [-40, 40] (where both terms
  // count), then of three values {x, x + d, x - d}. Its result can be near 0 where the values are
  // not (ln(e^-0.3 + e^-1.5)), so the error is also given in ulps of the largest value's magnitude.
  std::mt19937_64 random(31415926);
  std::uniform_real_distribution<T> spread(-40, 40);
  std::vector<T> offsets(sigmoid_points.size()), largest2(offsets.size()), largest3(offsets.size());
  for (T& d : offsets) d = spread(random);
  for (std::size_t k = 0; k < offsets.size(); ++k) {
    const T x = sigmoid_points[k], d = offsets[k];
    largest2[k] = std::max(std::fabs(x), std::fabs(T(x + d)));
    largest3[k] = std::max({std::fabs(x), std::fabs(T(x + d)), std::fabs(T(x - d))});
  }
  const auto exact = [&](std::size_t count) {
    return [&, count, k = std::size_t{0}](long double x) mutable {
      const T d = offsets[k++ % offsets.size()];
      const long double v[3] = {static_cast<T>(x), T(T(x) + d), T(T(x) - d)};
      long double m = v[0];
      for (std::size_t j = 1; j < count; ++j) m = std::max(m, v[j]);
      if (std::isnan(v[0]) || std::isinf(m)) return v[0] + v[1];
      long double s = 0;
      bool skipped = false;
      for (std::size_t j = 0; j < count; ++j) {
        if (v[j] == m && !skipped)
          skipped = true;
        else
          s += std::exp(v[j] - m);
      }
      return m + std::log1p(s);
    };
  };
  const auto two = [&, k = std::size_t{0}](T x) mutable {
    const T values[2] = {x, T(x + offsets[k++ % offsets.size()])};
    return ctnn::log_sum_exp(values);
  };
  const auto three = [&, k = std::size_t{0}](T x) mutable {
    const T d = offsets[k++ % offsets.size()];
    const T values[3] = {x, T(x + d), T(x - d)};
    return ctnn::log_sum_exp(values);
  };
  row<T>("log_sum_exp, 2 values", sigmoid_points, two, nullptr, exact(2));
  row<T>("log_sum_exp, 2 values, in ulps of the largest", sigmoid_points, two, nullptr, exact(2),
         &largest2);
  row<T>("log_sum_exp, 3 values", sigmoid_points, three, nullptr, exact(3));
  row<T>("log_sum_exp, 3 values, in ulps of the largest", sigmoid_points, three, nullptr, exact(3),
         &largest3);
}

}  // namespace

int main() {
  std::printf("| function | type | points | worst vs glibc (ulp) | worst vs exact (ulp) |\n");
  std::printf("|---|---|---|---|---|\n");
  rows<float>();
  rows<double>();
}
