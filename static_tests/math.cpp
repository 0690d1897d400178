// Static tests of ctnn's constexpr math: values at chosen points, the edges of each domain, and
// identities between the functions, all evaluated by the compiler.
// SPDX-License-Identifier: BSL-1.0
#include <ctnn/math.hpp>
#include <limits>

#include "support.hpp"

namespace {

using ctnn_test::near;
using ctnn_test::near_relative;

template <class T>
constexpr T infinity = std::numeric_limits<T>::infinity();
template <class T>
constexpr T largest = std::numeric_limits<T>::max();
template <class T>
constexpr T smallest_normal = std::numeric_limits<T>::min();
template <class T>
constexpr T smallest_subnormal = std::numeric_limits<T>::denorm_min();

// Every function takes float and double, and nothing wider.
template <class T>
concept has_math = requires(T x) {
  ctnn::exp(x);
  ctnn::expm1(x);
  ctnn::log(x);
  ctnn::sqrt(x);
  ctnn::tanh(x);
  ctnn::sigmoid(x);
};
static_assert(has_math<float> && has_math<double>);
static_assert(!has_math<long double>);  // computed in double, it would silently lose precision
static_assert(!has_math<int>);

// exp: e^x, exact at 0, through the subnormals, and infinity or 0 beyond the thresholds without
// overflowing arithmetic.
static_assert(ctnn::exp(0.0) == 1 && ctnn::exp(-0.0) == 1 && ctnn::exp(0.0f) == 1);
static_assert(near(ctnn::exp(1.0), 2.718281828459045, 1e-15));
static_assert(near(ctnn::exp(-1.0), 0.36787944117144233, 1e-16));
static_assert(near_relative(ctnn::exp(10.0), 22026.465794806718, 1e-15));
static_assert(near(ctnn::exp(-20.0) / 2.061153622438558e-9, 1.0, 1e-15));
static_assert(near_relative(ctnn::exp(700.0), 1.0142320547350045e304, 1e-15));
static_assert(near_relative(ctnn::exp(709.5), 1.3549863193146328e308, 1e-15));  // scaled back by 2
static_assert(near(ctnn::exp(1.0f), 2.7182817f, 3e-7f));
static_assert(near_relative(ctnn::exp(88.0f), 1.6516363e38f, 3e-7f));
static_assert(ctnn::exp(709.782712893384) == 0x1.fffffffffff2ap+1023);  // largest finite result
static_assert(ctnn::exp(709.7827128933841) == infinity<double>);
static_assert(ctnn::exp(1e308) == infinity<double> &&
              ctnn::exp(largest<double>) == infinity<double>);
static_assert(ctnn::exp(infinity<double>) == infinity<double>);
static_assert(ctnn::exp(88.72283f) < infinity<float> && ctnn::exp(88.72284f) == infinity<float>);
static_assert(ctnn::exp(largest<float>) == infinity<float>);
static_assert(near(ctnn::exp(-708.0) / 3.307553003638408e-308, 1.0, 1e-15));
static_assert(near(ctnn::exp(-708.2) / 2.7079953615140915e-308, 1.0, 1e-15));  // scaled by 2^-1000
static_assert(near(ctnn::exp(-720.0), 2.0322308024242932e-313, 5e-324));
static_assert(ctnn::exp(-740.0) > 0 && ctnn::exp(-740.0) < smallest_normal<double>);  // subnormal
static_assert(near(ctnn::exp(-740.0), 4.1995579896506e-322, 5e-324));
static_assert(ctnn::exp(-745.0) == smallest_subnormal<double>);
static_assert(ctnn::exp(-745.1332191019411) == smallest_subnormal<double>);
static_assert(ctnn::exp(-745.1332191019412) == 0);
static_assert(ctnn::exp(-1e308) == 0 && ctnn::exp(-infinity<double>) == 0);
static_assert(ctnn::exp(-103.9f) > 0 && ctnn::exp(-103.9f) < smallest_normal<float>);
static_assert(ctnn::exp(-103.972f) == smallest_subnormal<float> && ctnn::exp(-104.0f) == 0);

// expm1: e^x - 1 keeps its precision near 0 and saturates at -1 and infinity.
static_assert(ctnn::expm1(0.0) == 0 && ctnn::expm1(0.0f) == 0);
static_assert(ctnn::expm1(1e-300) == 1e-300 && ctnn::expm1(-1e-300) == -1e-300);
static_assert(ctnn::expm1(smallest_subnormal<double>) == smallest_subnormal<double>);
static_assert(near_relative(ctnn::expm1(1e-10), 1.00000000005e-10, 1e-16));
// ... where the naive e^x - 1 is off by 8e-8 of the result (8e-18 absolute): the tolerance must
// reject it, or the line above would not tell expm1 from exp(x) - 1.
static_assert(!near_relative(ctnn::exp(1e-10) - 1, 1.00000000005e-10, 1e-16));
static_assert(near(ctnn::expm1(1.0), 1.718281828459045, 1e-15));
static_assert(near(ctnn::expm1(-1.0), -0.6321205588285577, 1e-16));
static_assert(near(ctnn::expm1(0.3f), 0.34985882f, 3e-8f));
// Either side of |x| = 1/32, where expm1 leaves its polynomial for the kernel.
static_assert(near(ctnn::expm1(0x1p-5), 0.031743407499102671, 4e-18));
static_assert(near(ctnn::expm1(-0x1p-5), -0.030766765523655918, 4e-18));
static_assert(near(ctnn::expm1(0x1.0000000000001p-5), 0.031743407499102671, 8e-18));
static_assert(ctnn::expm1(-40.0) == -1 && ctnn::expm1(-1e308) == -1);
static_assert(ctnn::expm1(-infinity<float>) == -1);
static_assert(ctnn::expm1(709.78) < infinity<double> && ctnn::expm1(710.0) == infinity<double>);
static_assert(ctnn::expm1(largest<double>) == infinity<double>);

// log: the natural logarithm, down to the subnormals.
static_assert(ctnn::log(1.0) == 0 && ctnn::log(1.0f) == 0);
static_assert(near(ctnn::log(2.718281828459045), 1.0, 1e-16));
static_assert(near(ctnn::log(2.0), 0.6931471805599453, 1e-16));
static_assert(near(ctnn::log(0.5), -0.6931471805599453, 1e-16));
static_assert(near(ctnn::log(1 + 0x1p-30), 0x1p-30 - 0x1p-61, 1e-27));
static_assert(near(ctnn::log(10.0f), 2.3025851f, 3e-7f));
static_assert(near(ctnn::log(largest<double>), 709.782712893384, 1e-12));
static_assert(near(ctnn::log(smallest_normal<double>), -708.3964185322641, 1e-12));
static_assert(near(ctnn::log(smallest_subnormal<double>), -744.4400719213812, 1e-12));
static_assert(near(ctnn::log(smallest_subnormal<float>), -103.27893f, 2e-5f));
static_assert(ctnn::log(0.0) == -infinity<double> && ctnn::log(-0.0f) == -infinity<float>);
static_assert(ctnn::log(infinity<double>) == infinity<double>);

// sqrt: correctly rounded, so exact squares come back exactly.
static_assert(ctnn::sqrt(4.0) == 2 && ctnn::sqrt(0.25) == 0.5 && ctnn::sqrt(0x1p-1000) == 0x1p-500);
static_assert(ctnn::sqrt(12345.0 * 12345.0) == 12345 && ctnn::sqrt(9.0f) == 3);
static_assert(ctnn::sqrt(2.0) == 1.4142135623730951 && ctnn::sqrt(2.0f) == 1.4142135f);
static_assert(ctnn::sqrt(3.0) == 1.7320508075688772);
static_assert(ctnn::sqrt(0x1.fffffffffffffp-1) == 0x1.fffffffffffffp-1);  // rounds up to itself
static_assert(ctnn::sqrt(smallest_subnormal<double>) == 0x1p-537);
static_assert(ctnn::sqrt(largest<double>) == 0x1.fffffffffffffp+511);
static_assert(ctnn::sqrt(largest<float>) == 0x1.fffffep+63f);
static_assert(ctnn::sqrt(0.0) == 0 && ctnn::sqrt(infinity<double>) == infinity<double>);

// tanh: odd, and exactly +-1 for every large input, however large.
static_assert(ctnn::tanh(0.0) == 0 && ctnn::tanh(0.0f) == 0);
static_assert(near(ctnn::tanh(0.5), 0.46211715726000974, 1e-16));
static_assert(near(ctnn::tanh(-2.0), -0.9640275800758169, 1e-16));
static_assert(near(ctnn::tanh(0.5f), 0.46211717f, 3e-8f));
static_assert(ctnn::tanh(1e-200) == 1e-200);
// Either side of |x| = 0.75, where tanh leaves its rational function for e^2|x|: the largest
// double below 0.75 takes the rational function, 0.75 and the next double up take e^2|x|. Each
// within an ulp (1.1e-16 here) of tanh rounded to double, and no step down across the switch.
static_assert(near(ctnn::tanh(0x1.7ffffffffffffp-1), 0.6351489523872873, 1.2e-16));
static_assert(near(ctnn::tanh(0.75), 0.6351489523872873, 1.2e-16));
static_assert(near(ctnn::tanh(0x1.8000000000001p-1), 0.6351489523872874, 1.2e-16));
static_assert(near(ctnn::tanh(-0x1.7ffffffffffffp-1), -0.6351489523872873, 1.2e-16));
static_assert(near(ctnn::tanh(-0.75), -0.6351489523872873, 1.2e-16));
static_assert(ctnn::tanh(0x1.7ffffffffffffp-1) <= ctnn::tanh(0.75) &&
              ctnn::tanh(0.75) <= ctnn::tanh(0x1.8000000000001p-1));
static_assert(near(ctnn::tanh(0.7), 0.6043677771171635, 1.2e-16));  // inside, near the switch
static_assert(near(ctnn::tanh(0.8), 0.664036770267849, 1.2e-16));   // outside, near the switch
static_assert(near(ctnn::tanh(0.74999994f), 0.63514894f, 6e-8f) &&
              near(ctnn::tanh(0.75f), 0.63514894f, 6e-8f));
// At |x| = 1, well past the switch.
static_assert(near(ctnn::tanh(1.0), 0.76159415595576489, 1.2e-16));
static_assert(near(ctnn::tanh(0x1.fffffffffffffp-1), 0.76159415595576485, 1.2e-16));
static_assert(near(ctnn::tanh(-1.0), -0.76159415595576489, 1.2e-16));
static_assert(ctnn::tanh(1.5) == -ctnn::tanh(-1.5));
static_assert(ctnn::tanh(19.0) < 1 && ctnn::tanh(20.0) == 1);
static_assert(ctnn::tanh(1e308) == 1 && ctnn::tanh(-1e308) == -1);
static_assert(ctnn::tanh(largest<double>) == 1 && ctnn::tanh(-largest<double>) == -1);
static_assert(ctnn::tanh(largest<float>) == 1 && ctnn::tanh(-largest<float>) == -1);
static_assert(ctnn::tanh(infinity<double>) == 1 && ctnn::tanh(-infinity<float>) == -1);

// sigmoid: 1 / (1 + e^-x) in [0, 1] for every input, with full precision far into its left tail.
static_assert(ctnn::sigmoid(0.0) == 0.5 && ctnn::sigmoid(0.0f) == 0.5f);
static_assert(near(ctnn::sigmoid(1.0), 0.7310585786300049, 1e-16));
static_assert(near(ctnn::sigmoid(-1.0), 0.2689414213699951, 1e-16));
static_assert(near(ctnn::sigmoid(2.0f), 0.8807971f, 6e-8f));
static_assert(near(ctnn::sigmoid(-36.7) / 1.1518409493076095e-16, 1.0, 1e-15));
static_assert(near(ctnn::sigmoid(-40.0) / 4.248354255291589e-18, 1.0, 1e-15));
static_assert(near(ctnn::sigmoid(-700.0) / 9.85967654375977e-305, 1.0, 1e-15));
static_assert(ctnn::sigmoid(-740.0) == ctnn::exp(-740.0));  // subnormal: e^x / (1 + e^x) = e^x
static_assert(ctnn::sigmoid(37.0) < 1 && ctnn::sigmoid(40.0) == 1);
static_assert(ctnn::sigmoid(1e308) == 1 && ctnn::sigmoid(-1e308) == 0);
static_assert(ctnn::sigmoid(largest<double>) == 1 && ctnn::sigmoid(-largest<double>) == 0);
static_assert(ctnn::sigmoid(largest<float>) == 1 && ctnn::sigmoid(-largest<float>) == 0);
static_assert(ctnn::sigmoid(infinity<double>) == 1 && ctnn::sigmoid(-infinity<float>) == 0);

// Identities between the functions.
static_assert(near(ctnn::log(ctnn::exp(0.3)), 0.3, 1e-16));
static_assert(near(ctnn::log(ctnn::exp(-500.0)), -500.0, 1e-13));
static_assert(near(ctnn::exp(ctnn::log(123.456)), 123.456, 1e-13));
static_assert(near(ctnn::expm1(0.25) + 1, ctnn::exp(0.25), 1e-16));
static_assert(near(ctnn::sqrt(ctnn::exp(3.0)), ctnn::exp(1.5), 1e-14));
static_assert(near(ctnn::sigmoid(0.7) + ctnn::sigmoid(-0.7), 1.0, 1e-16));
static_assert(near(2 * ctnn::sigmoid(1.6) - 1, ctnn::tanh(0.8), 3e-16));  // 2 s - 1 cancels
static_assert(near(ctnn::tanh(0.4), ctnn::expm1(0.8) / (ctnn::expm1(0.8) + 2), 1e-16));
// s'(x) = s(x) (1 - s(x)) against a central difference.
static_assert(near(ctnn::sigmoid(0.3) * (1 - ctnn::sigmoid(0.3)),
                   (ctnn::sigmoid(0.3 + 1e-5) - ctnn::sigmoid(0.3 - 1e-5)) / 2e-5, 1e-10));

}  // namespace
