// The floor of bench/compile-time.sh: the homework's OR neuron trained at compile time by a minimal
// hand-written trainer, with no Hana and no ctnn header, to compare ctnn's static tests against.
// Two inputs, squared error (y - t)^2, per-pattern SGD at learning rate 0.05, the patterns in an
// order shuffled every epoch by Fisher-Yates from a PCG32, fixed initial weights. Like
// static_tests/train_or.cpp it trains a logistic neuron, then a tanh neuron (Problems 1 and 3);
// -DFLOOR_LOGISTIC_ONLY trains the logistic one alone, as bench/compile-time.sh's headroom search
// does. -DEPOCHS=n sets the epoch count (default 5000).
// SPDX-License-Identifier: BSL-1.0
#include <bit>
#include <cstdint>

#ifndef EPOCHS
#  define EPOCHS 5000
#endif

namespace {

/// PCG32 (XSH-RR), seeded as pcg32_srandom_r.
struct pcg32 {
  std::uint64_t state = 0;
  std::uint64_t increment;

  constexpr pcg32(std::uint64_t seed, std::uint64_t stream) : increment(stream << 1 | 1) {
    next();
    state += seed;
    next();
  }

  constexpr std::uint32_t next() {
    const std::uint64_t old = state;
    state = old * 6364136223846793005u + increment;
    const auto xorshifted = static_cast<std::uint32_t>(((old >> 18) ^ old) >> 27);
    const auto rot = static_cast<std::uint32_t>(old >> 59);
    return (xorshifted >> rot) | (xorshifted << (-rot & 31));
  }

  /// Uniform in [0, bound) without modulo bias.
  constexpr std::uint32_t below(std::uint32_t bound) {
    const std::uint32_t threshold = -bound % bound;
    for (;;) {
      const std::uint32_t r = next();
      if (r >= threshold) return r % bound;
    }
  }
};

/// e^x: x = k ln2 + r with |r| <= ln2/2, e^r by its Taylor polynomial of degree 11 (relative
/// error below 1e-14), times 2^k built in the exponent field. x is clamped to [-700, 700].
constexpr double exponential(double x) {
  if (x > 700.0) x = 700.0;
  if (x < -700.0) x = -700.0;
  const double k = (x * 1.4426950408889634 + 0x1.8p52) - 0x1.8p52;  // round to nearest
  const double r = (x - k * 0x1.62e42fee00000p-1) - k * 0x1.a39ef35793c76p-33;
  // Horner's scheme; the coefficients are 1/n!.
  const double p =
      1.0 +
      r * (1.0 +
           r * (0.5 + r * (0.16666666666666666 +
                           r * (0.041666666666666664 +
                                r * (0.008333333333333333 +
                                     r * (0.001388888888888889 +
                                          r * (1.984126984126984e-4 +
                                               r * (2.48015873015873e-5 +
                                                    r * (2.7557319223985893e-6 +
                                                         r * (2.755731922398589e-7 +
                                                              r * 2.505210838544172e-8))))))))));
  return p * std::bit_cast<double>(static_cast<std::uint64_t>(static_cast<std::int64_t>(k) + 1023)
                                   << 52);
}

struct logistic {
  static constexpr double value(double net) { return 1.0 / (1.0 + exponential(-net)); }
  static constexpr double slope(double y) { return y * (1.0 - y); }
};

struct hyperbolic_tangent {
  static constexpr double value(double net) { return 1.0 - 2.0 / (1.0 + exponential(2.0 * net)); }
  static constexpr double slope(double y) { return 1.0 - y * y; }
};

struct neuron {
  double w0, w1, b;
};

constexpr double inputs[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
constexpr double targets[4] = {0, 1, 1, 1};

template <class Activation>
constexpr neuron train(int epochs, double rate) {
  neuron n{0.5, -0.3, 0.1};
  pcg32 rng(1, 721347520444481703u);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    int order[4] = {0, 1, 2, 3};
    for (std::uint32_t i = 3; i > 0; --i) {
      const std::uint32_t j = rng.below(i + 1);
      const int swapped = order[i];
      order[i] = order[j];
      order[j] = swapped;
    }
    for (int p : order) {
      const double x0 = inputs[p][0], x1 = inputs[p][1];
      const double y = Activation::value(n.w0 * x0 + n.w1 * x1 + n.b);
      const double delta = 2.0 * (y - targets[p]) * Activation::slope(y);  // dE/dnet
      n.w0 -= rate * delta * x0;
      n.w1 -= rate * delta * x1;
      n.b -= rate * delta;
    }
  }
  return n;
}

/// OR is learned: every output on the right side of 1/2 and, from the homework's 5000 epochs on,
/// within 0.1 of its target.
template <class Activation>
constexpr bool learned_or(const neuron& n) {
  for (int p = 0; p < 4; ++p) {
    const double y = Activation::value(n.w0 * inputs[p][0] + n.w1 * inputs[p][1] + n.b);
    const double error = y > targets[p] ? y - targets[p] : targets[p] - y;
    if (error >= (EPOCHS >= 5000 ? 0.1 : 0.5)) return false;
  }
  return true;
}

static_assert(learned_or<logistic>(train<logistic>(EPOCHS, 0.05)));
#ifndef FLOOR_LOGISTIC_ONLY
static_assert(learned_or<hyperbolic_tangent>(train<hyperbolic_tangent>(EPOCHS, 0.05)));
#endif

}  // namespace

int main() {}
