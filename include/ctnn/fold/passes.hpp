// Defines `ctnn::detail::fold_passes`: one pattern's forward pass, loss and backward pass as folds
// over the network's weights, the backend for small networks.
// SPDX-License-Identifier: BSL-1.0
// The plain statement of these passes, which they must match bit for bit: <ctnn/reference.hpp>.
// Why they are folds: docs/evaluator-costs.md. Which backend runs where: <ctnn/backend.hpp>.
#pragma once

#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/detail/step_use.hpp>
#include <ctnn/fold/weight_plan.hpp>
#include <ctnn/loss.hpp>
#include <type_traits>
#include <utility>

namespace CTNN_NAMESPACE {

namespace detail {

/// One pattern's forward pass, loss and backward pass, derived by hand, for a loss of
/// <ctnn/loss.hpp> (by default the homework's E = sum_o (y_o - t_o)^2). The packs: the steps of
/// forward_plan (FL, FU, FW, FB, FS, FF) and of backward_plan (L, U, W, B, S, F), the outputs O and
/// the output units OU (output O's position among all units).
///
/// Backpropagation visits the layers last to first, each unit by unit, input by input; a layer's
/// units have their dE/dy by then, as only later layers read them. For unit j (at its first
/// weight, step_flag::opens):
///   delta_j = dE/dnet_j = dE/dy_j g'(net_j)   (g' written through y_j),
///   dE/db_j = delta_j,
/// and for each of its inputs k, reading unit s:
///   dE/dw[j][k] = delta_j x_k,   and if s is hidden, dE/dy_s += delta_j w[j][k],
/// the first contribution to dE/dy_s stored rather than added to a zero (step_flag::first_read),
/// so that error[] needs no zeros. delta_j replaces dE/dy_j in error[], which nothing reads again;
/// an output unit's delta comes from the loss, in closed form. Inputs have no parameters behind
/// them, so they need no error.
template <class Net, class Forward = forward_plan<Net>, class Backward = backward_plan<Net>,
          class Outputs = std::make_index_sequence<Net::output_width>,
          class OutputUnits =
              offset_sequence<Net::template unit_offset<Net::layer_count - 1>, Net::output_width>>
struct fold_passes;

// The folds index x with every step's source, also in the branch that steps not reading the
// input never take. Clang checks such branches for reachability, and so says nothing, until
// a translation unit has an error: then it reports them all (-Warray-bounds), after an error
// that is the user's to fix.
/// The activation that the forward pass applies to layer L: none (linear) at the output units
/// where Loss reads their net inputs, the layer's own elsewhere.
template <class Loss, class Net, std::size_t L>
using forward_activation_of = std::conditional_t<Loss::reads_net_input && L + 1 == Net::layer_count,
                                                 linear, typename Net::template activation<L>>;

#if defined(__clang__)
#  pragma clang diagnostic push
#  pragma clang diagnostic ignored "-Warray-bounds"
#endif
template <class Net, std::size_t... FL, std::size_t... FU, std::size_t... FW, std::size_t... FB,
          std::size_t... FS, unsigned... FF, std::size_t... L, std::size_t... U, std::size_t... W,
          std::size_t... B, std::size_t... S, unsigned... F, std::size_t... O, std::size_t... OU>
struct fold_passes<Net,
                   weight_plan<std::index_sequence<FL...>, std::index_sequence<FU...>,
                               std::index_sequence<FW...>, std::index_sequence<FB...>,
                               std::index_sequence<FS...>, std::integer_sequence<unsigned, FF...>>,
                   weight_plan<std::index_sequence<L...>, std::index_sequence<U...>,
                               std::index_sequence<W...>, std::index_sequence<B...>,
                               std::index_sequence<S...>, std::integer_sequence<unsigned, F...>>,
                   std::index_sequence<O...>, std::index_sequence<OU...>> {
  /// The output units' activation.
  using output_activation = typename Net::template activation<Net::layer_count - 1>;

  /// An output unit's y = g(net) from the net input it holds where the loss reads net inputs;
  /// a hidden unit's output as it is.
  template <unsigned Flags, class T>
  [[gnu::const]] static constexpr T forward_output(T unit) {
    return (Flags & step_flag::feeds_output) ? output_activation::value(unit) : unit;
  }

  /// One pattern's step for input x and target t. The forward pass: unit u's net input
  /// net_u = sum_k w[u][k] x_k + b_u (the homework's dot(x, w) + b) is summed in units[u] input
  /// by input, left to right, the bias last, then y_u = g(net_u) replaces it; the network's inputs
  /// are read from x. Then, by Use:
  /// - use::forward writes every dense unit's output to out[u] (out indexed as units are, the
  ///   inputs' places untouched) and stops;
  /// - use::loss returns E, the loss's terms summed left to right, then its total;
  /// - use::gradient writes dE/dparams to out; use::loss_and_gradient also returns E;
  /// - use::descent descends, params -= out * dE/dparams (out the learning rate, each weight read
  ///   for the error it passes back before it changes), and returns E before the update;
  /// - use::descent_without_loss likewise returns nothing, for training that never reads E.
  /// One function for all five, so that each pass is written once: constant evaluation charges a
  /// call (docs/evaluator-costs.md), so training's passes are not calls to a forward pass.
  template <use Use = use::descent, class Loss = sum_of_squares, class Params, class X, class Y,
            class Out, class T = std::remove_cvref_t<decltype(std::declval<Params&>()[0])>,
            bool Homework = std::is_same_v<Loss, sum_of_squares>,
            bool KeepsNet = Loss::reads_net_input>
  static constexpr auto step(Params& params, const X& x, const Y& target, Out out) {
    // The homework's loss is written out, and the others called: each choice is a conditional on
    // a constant (Homework, KeepsNet) that GCC folds where it is made, so that the homework's
    // passes cost what they did before the others came (docs/evaluator-costs.md). A loss that
    // reads the output units' net inputs finds them in units[]: the forward pass closes those
    // units without their activation, which the loss and use::forward apply.
    T units[Net::unit_count];
    T error[Net::unit_count];
    ((units[FU] =
          (FF & step_flag::opens)
              ? ((FF & step_flag::closes)
                     ? forward_activation_of<Loss, Net, FL>::value(
                           params[FW] * ((FF & step_flag::reads_input) ? x[FS] : units[FS]) +
                           params[FB])
                     : params[FW] * ((FF & step_flag::reads_input) ? x[FS] : units[FS]))
          : (FF & step_flag::closes)
              ? forward_activation_of<Loss, Net, FL>::value(
                    units[FU] + params[FW] * ((FF & step_flag::reads_input) ? x[FS] : units[FS]) +
                    params[FB])
              : units[FU] + params[FW] * ((FF & step_flag::reads_input) ? x[FS] : units[FS])),
     ...);
    if constexpr (Use == use::forward) {
      (((FF & step_flag::closes)
            ? void(out[FU] = KeepsNet ? forward_output<FF>(units[FU]) : units[FU])
            : void()),
       ...);
      return;
    }
    [[maybe_unused]] const T loss =
        Use == use::descent || Use == use::loss || Use == use::loss_and_gradient
            ? (Homework ? (... + ((units[OU] - target[O]) * (units[OU] - target[O])))
                        : Loss::template total<Net::output_width>(
                              (... + Loss::template term<output_activation>(units[OU], target[O]))))
            : T();
    if constexpr (Use == use::loss) return loss;
    ((error[OU] = Homework ? T(2) * (units[OU] - target[O]) * output_activation::slope(units[OU])
                           : Loss::template delta<output_activation, Net::output_width>(units[OU],
                                                                                        target[O])),
     ...);
    if constexpr (Use == use::gradient || Use == use::loss_and_gradient)
      (((F & step_flag::opens)
            ? void(((F & step_flag::feeds_output)
                        ? void()
                        : void(error[U] = error[U] * Net::template activation<L>::slope(units[U])),
                    out[B] = error[U]))
            : void(),
        out[W] = error[U] * ((F & step_flag::reads_input) ? x[S] : units[S]),
        (F & step_flag::reads_input)  ? void()
        : (F & step_flag::first_read) ? void(error[S] = error[U] * params[W])
                                      : void(error[S] += error[U] * params[W])),
       ...);
    else if constexpr (Use == use::descent || Use == use::descent_without_loss)
      (((F & step_flag::opens)
            ? void(((F & step_flag::feeds_output)
                        ? void()
                        : void(error[U] = error[U] * Net::template activation<L>::slope(units[U])),
                    params[B] -= out * error[U]))
            : void(),
        (F & step_flag::reads_input)  ? void()
        : (F & step_flag::first_read) ? void(error[S] = error[U] * params[W])
                                      : void(error[S] += error[U] * params[W]),
        params[W] -= out * (error[U] * ((F & step_flag::reads_input) ? x[S] : units[S]))),
       ...);
    if constexpr (Use == use::descent || Use == use::loss_and_gradient) return loss;
  }
};
#if defined(__clang__)
#  pragma clang diagnostic pop
#endif

}  // namespace detail

}  // namespace CTNN_NAMESPACE
