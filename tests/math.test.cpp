// Run-time tests of ctnn's constexpr math: within 2 ulp of glibc over the whole domain, exp within
// its documented error and sqrt correctly rounded, and the same bits at compile time as at run
// time.
// SPDX-License-Identifier: BSL-1.0
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctnn/math.hpp>
#include <limits>
#include <random>
#include <type_traits>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "math_sweep.hpp"

namespace {

using namespace ctnn_math_sweep;

struct exp_function {
  static constexpr const char* name = "exp";
  template <class T>
  constexpr T operator()(T x) const {
    return ctnn::exp(x);
  }
  template <class T>
  static T reference(T x) {
    return std::exp(x);
  }
};

struct expm1_function {
  static constexpr const char* name = "expm1";
  template <class T>
  constexpr T operator()(T x) const {
    return ctnn::expm1(x);
  }
  template <class T>
  static T reference(T x) {
    return std::expm1(x);
  }
};

struct log_function {
  static constexpr const char* name = "log";
  template <class T>
  constexpr T operator()(T x) const {
    return ctnn::log(x);
  }
  template <class T>
  static T reference(T x) {
    return std::log(x);
  }
};

struct sqrt_function {
  static constexpr const char* name = "sqrt";
  template <class T>
  constexpr T operator()(T x) const {
    return ctnn::sqrt(x);
  }
  template <class T>
  static T reference(T x) {
    return std::sqrt(x);
  }
};

struct tanh_function {
  static constexpr const char* name = "tanh";
  template <class T>
  constexpr T operator()(T x) const {
    return ctnn::tanh(x);
  }
  template <class T>
  static T reference(T x) {
    return std::tanh(x);
  }
};

// glibc has no logistic function: the reference is computed in long double, then rounded.
struct sigmoid_function {
  static constexpr const char* name = "sigmoid";
  template <class T>
  constexpr T operator()(T x) const {
    return ctnn::sigmoid(x);
  }
  template <class T>
  static T reference(T x) {
    return static_cast<T>(1.0L / (1.0L + std::exp(-static_cast<long double>(x))));
  }
};

template <class T>
const char* type_name() {
  return std::same_as<T, float> ? "float" : "double";
}

// The largest distance from the reference over the points, printed so that the CTest log keeps
// the accuracy of every function.
template <class T, class Function>
std::uint64_t max_ulps(const std::vector<T>& points) {
  std::uint64_t worst = 0;
  T worst_input = 0;
  for (const T x : points) {
    const std::uint64_t distance = ulp_distance(Function{}(x), Function::template reference<T>(x));
    if (distance > worst) {
      worst = distance;
      worst_input = x;
    }
  }
  std::printf("ctnn::%s<%s>: at most %llu ulp from the reference over %zu points (%a)\n",
              Function::name, type_name<T>(), static_cast<unsigned long long>(worst), points.size(),
              static_cast<double>(worst_input));
  return worst;
}

template <class T>
constexpr bool is_float = std::same_as<T, float>;

// The largest error of ctnn::exp in ulps of the exact result, measured against expl: its 64 bits
// carry 11 more than double's, so its own error (under an ulp of long double) adds at most 2^-11
// ulp of double, and 2^-40 of float. An ulp of e^x is 2^(e - digits) for e^x in [2^(e-1), 2^e),
// and never less than the smallest subnormal.
template <class T>
double max_exp_error(const std::vector<T>& points) {
  double worst = 0;
  T worst_input = 0;
  for (const T x : points) {
    const long double exact = std::exp(static_cast<long double>(x));
    const T result = ctnn::exp(x);
    // NaN gives NaN; past the largest T (not long double's) only infinity will do.
    if (std::isnan(x) || !std::isfinite(result) || !std::isfinite(exact)) {
      if (ulp_distance(result, std::exp(x)) != 0) return std::numeric_limits<double>::infinity();
      continue;
    }
    int exponent = 0;
    std::frexp(exact, &exponent);
    const long double ulp =
        std::max(std::ldexp(1.0L, exponent - std::numeric_limits<T>::digits),
                 static_cast<long double>(std::numeric_limits<T>::denorm_min()));
    const double error = static_cast<double>(std::fabs(result - exact) / ulp);
    if (error > worst) {
      worst = error;
      worst_input = x;
    }
  }
  std::printf("ctnn::exp<%s>: at most %.6f ulp from e^x over %zu points (%a)\n", type_name<T>(),
              worst, points.size(), static_cast<double>(worst_input));
  return worst;
}

}  // namespace

TEMPLATE_TEST_CASE(
    "ctnn::exp is within its documented error of e^x, and within 2 ulp of glibc's exp, over its "
    "whole domain",
    "[math]", float, double) {
  using T = TestType;
  // Beyond these, e^x is infinity or rounds to 0.
  const T overflow = is_float<T> ? T(0x1.62e42ep+6) : T(0x1.62e42fefa39efp+9);
  const T underflow = is_float<T> ? T(-0x1.9fe368p+6) : T(-0x1.74910d52d3051p+9);
  const auto points =
      sweep_points<T>(signs::both, {{underflow - 1, overflow + 1}, {-1, 1}},
                      {overflow, underflow, T(-1022 * 0.6931471805599453), T(1), T(-708), T(709)});
  REQUIRE(points.size() >= 1000000);
  REQUIRE(max_ulps<T, exp_function>(points) <= 2);
  // The bounds include/ctnn/math/exp.hpp documents: 0.5 + 2^-18 ulp for float; for double 0.55
  // ulp, but 0.8 ulp for x in [-711, -704), where the kernel's correction s (t_j + r + ...) is
  // subnormal and rounds to 2^-1074, and below -708 the kernel's result rounds once more when it
  // is scaled into the subnormals (measured: up to 0.79 ulp). expl's own error (2^-11 ulp of
  // double) is inside the bounds.
  REQUIRE(std::numeric_limits<long double>::digits >= 64);  // to measure a fraction of an ulp
  std::vector<T> documented, band;
  for (const T x : points)
    (!is_float<T> && x >= T(-711) && x < T(-704) ? band : documented).push_back(x);
  REQUIRE(max_exp_error(documented) <= (is_float<T> ? 0.5 + 0x1p-18 : 0.55));
  if (!is_float<T>) {
    REQUIRE(band.size() >= 1000);
    REQUIRE(max_exp_error(band) <= 0.8);
  }
}

TEMPLATE_TEST_CASE("ctnn::expm1 stays within 2 ulp of glibc's expm1 over its whole domain",
                   "[math]", float, double) {
  using T = TestType;
  const auto points =
      sweep_points<T>(signs::both, {{-40, 40}, {-1, 1}, {T(-1e-3), T(1e-3)}},
                      {T(-64), T(40), T(0.34657359), T(-0.34657359), T(0x1p-5), T(-0x1p-5)});
  REQUIRE(points.size() >= 1000000);
  REQUIRE(max_ulps<T, expm1_function>(points) <= 2);
}

TEMPLATE_TEST_CASE("ctnn::log stays within 2 ulp of glibc's log over its whole domain", "[math]",
                   float, double) {
  using T = TestType;
  const auto points = sweep_points<T>(signs::positive, {{T(0.5), 2}, {0, 1000}},
                                      {T(1), T(2), T(0.70710678), T(1.41421356), T(-1)});
  REQUIRE(points.size() >= 1000000);
  REQUIRE(max_ulps<T, log_function>(points) <= 2);
}

TEMPLATE_TEST_CASE(
    "ctnn::sqrt is correctly rounded over its whole domain: std::sqrt's bits, which IEEE 754 "
    "requires correctly rounded",
    "[math]", float, double) {
  using T = TestType;
  const auto points =
      sweep_points<T>(signs::positive, {{0, 4}, {0, 1e6}}, {T(1), T(2), T(4), T(-1)});
  REQUIRE(points.size() >= 1000000);
  REQUIRE(max_ulps<T, sqrt_function>(points) == 0);
}

TEMPLATE_TEST_CASE("ctnn::tanh stays within 2 ulp of glibc's tanh over its whole domain", "[math]",
                   float, double) {
  using T = TestType;
  const auto points = sweep_points<T>(signs::both, {{-20, 20}, {-1, 1}},
                                      {T(0x1p-27), T(-0x1p-27), T(0.55), T(0.75), T(-0.75),
                                       T(19.06), T(-19.06), T(20), T(-20), T(9.01), T(-9.01)});
  REQUIRE(points.size() >= 1000000);
  REQUIRE(max_ulps<T, tanh_function>(points) <= 2);
}

TEMPLATE_TEST_CASE("ctnn::sigmoid stays within 2 ulp of the rounded logistic over its whole domain",
                   "[math]", float, double) {
  using T = TestType;
  const auto points = sweep_points<T>(
      signs::both,
      {{-40, 40}, {-1, 1}, is_float<T> ? std::pair<T, T>{-104, -80} : std::pair<T, T>{-750, -700}},
      {T(746), T(-746), T(-745.13), T(-103.97), T(36.7), T(17.3)});
  REQUIRE(points.size() >= 1000000);
  REQUIRE(max_ulps<T, sigmoid_function>(points) <= 2);
}

namespace {

// Inputs whose results must be the same bits whether the compiler or the processor computes them:
// the edges of every domain, either side of each switch between formulas, and points between.
template <class T>
constexpr std::array<T, 48> probes{0,
                                   -T(0),
                                   std::numeric_limits<T>::denorm_min(),
                                   -std::numeric_limits<T>::denorm_min(),
                                   std::numeric_limits<T>::min(),
                                   T(1e-30),
                                   T(-1e-30),
                                   T(1e-10),
                                   T(0x1p-27),
                                   T(0x1p-5),
                                   T(-0x1p-5),
                                   T(0.1),
                                   T(-0.1),
                                   T(0.3),
                                   T(0.5),
                                   T(-0.5),
                                   T(0.7),
                                   T(1),
                                   T(-1),
                                   T(0.74999994),
                                   T(2),
                                   T(-2.5),
                                   T(3.14159),
                                   T(10),
                                   T(-10),
                                   T(20),
                                   T(-36.7),
                                   T(37),
                                   T(-37.5),
                                   T(40),
                                   T(88.5),
                                   T(-103),
                                   T(-500),
                                   T(700),
                                   T(-708.2),
                                   T(708.5),
                                   T(709.5),
                                   T(709.78),
                                   T(-720),
                                   T(-740),
                                   T(-745.5),
                                   T(1e30),
                                   std::numeric_limits<T>::max(),
                                   -std::numeric_limits<T>::max(),
                                   std::numeric_limits<T>::infinity(),
                                   -std::numeric_limits<T>::infinity(),
                                   std::numeric_limits<T>::quiet_NaN(),
                                   T(-0.75)};

template <class T, class Function>
constexpr std::array<T, probes<T>.size()> at_compile_time = [] {
  std::array<T, probes<T>.size()> results{};
  for (std::size_t i = 0; i < results.size(); ++i) results[i] = Function{}(probes<T>[i]);
  return results;
}();

// Counts the probes whose run-time result differs in any bit from the compile-time one; the
// input goes through a volatile so that the compiler cannot fold the run-time call.
template <class T, class Function>
std::size_t differing_bits() {
  std::size_t differing = 0;
  for (std::size_t i = 0; i < probes<T>.size(); ++i) {
    volatile T input = probes<T>[i];
    const T at_run_time = Function{}(static_cast<T>(input));
    if (std::bit_cast<same_size_int<T>>(at_run_time) !=
        std::bit_cast<same_size_int<T>>(at_compile_time<T, Function>[i])) {
      UNSCOPED_INFO("ctnn::" << Function::name << " of " << probes<T>[i]);
      ++differing;
    }
  }
  return differing;
}

}  // namespace

TEMPLATE_TEST_CASE("ctnn's math gives the same bits at compile time and at run time", "[math]",
                   float, double) {
  using T = TestType;
  CHECK(differing_bits<T, exp_function>() == 0);
  CHECK(differing_bits<T, expm1_function>() == 0);
  CHECK(differing_bits<T, log_function>() == 0);
  CHECK(differing_bits<T, sqrt_function>() == 0);
  CHECK(differing_bits<T, tanh_function>() == 0);
  CHECK(differing_bits<T, sigmoid_function>() == 0);
}

TEST_CASE("ctnn's exp table holds 2^(j/256) rounded to double and what the rounding took",
          "[math]") {
  // exp2l carries 64 bits, 11 more than double: enough to see that each head is the nearest
  // double to 2^(j/256), and each tail t_j = 2^(j/256) / head - 1 to 2^-62.
  for (std::uint64_t j = 0; j < 256; ++j) {
    const long double exact = std::exp2l(static_cast<long double>(j) / 256);
    const double head = std::bit_cast<double>(ctnn::detail::exp2_bits[j] + (j << 44));
    const long double half_ulp = (std::nextafter(head, 2.0) - head) / 2.0L;
    INFO("j = " << j);
    CHECK(std::fabs(exact - head) <= half_ulp * (1 + 0x1p-9L));
    CHECK_THAT(static_cast<double>((exact - head) / head),
               WithinAbs(ctnn::detail::exp2_tails[j], 0x1p-62));
  }
}
