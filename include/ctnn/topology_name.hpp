// Defines `ctnn::topology_name`, a network type spelled as C++ source, and `ctnn::activation_name`,
// an activation's part in it.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>
#include <ctnn/network.hpp>
#include <string>
#include <string_view>
#include <utility>

namespace CTNN_NAMESPACE {

namespace detail {

/// The compiler's signature of this function for T, which names T: GCC's
/// "constexpr const char* ctnn::detail::signature_of() [with T = mylib::swish]", Clang's
/// "const char *ctnn::detail::signature_of() [T = mylib::swish]".
template <class T>
constexpr const char* signature_of() {
  return __PRETTY_FUNCTION__;
}

/// T as the compiler spells it: what signature_of<T>() holds where signature_of<double>() holds
/// "double", the text around it being the same for every T.
template <class T>
constexpr std::string_view type_name() {
  constexpr std::string_view probe = signature_of<double>();
  constexpr std::size_t before = probe.rfind("double");
  static_assert(before != std::string_view::npos,
                "ctnn::activation_name reads __PRETTY_FUNCTION__ as GCC and Clang spell it");
  constexpr std::size_t after = probe.size() - before - std::string_view("double").size();
  const std::string_view signature = signature_of<T>();
  return signature.substr(before, signature.size() - before - after);
}

}  // namespace detail

/// Activation A as topology_name spells it: by default its fully qualified C++ name as the
/// compiler spells it, e.g. "ctnn::logistic", "mylib::swish", "mylib::leaky<3>" (GCC and Clang
/// differ in anonymous and inline namespaces). Specialize it to spell A otherwise.
template <class A>
inline constexpr std::string_view activation_name = detail::type_name<A>();

namespace detail {

template <class Sources>
struct sources_name;
template <>
struct sources_name<previous> {
  static std::string get() { return ""; }
};
template <std::size_t... Layers>
struct sources_name<from<Layers...>> {
  static std::string get() {
    std::string result = ", ctnn::from<";
    std::size_t position = 0;
    ((result += (position++ == 0 ? "" : ", ") + std::to_string(Layers)), ...);
    return result + ">";
  }
};

template <class Layer>
std::string layer_name() {
  if constexpr (is_input<Layer>)
    return "ctnn::input<" + std::to_string(Layer::width) + ">";
  else
    return "ctnn::dense<" + std::to_string(Layer::width) + ", " +
           std::string(activation_name<typename Layer::activation>) +
           sources_name<typename Layer::sources>::get() + ">";
}

template <class Net, std::size_t... L>
std::string topology_name(std::index_sequence<L...>) {
  std::string result = "ctnn::network<";
  ((result += (L == 0 ? "" : ", ") + layer_name<typename Net::template layer<L>>()), ...);
  return result + ">";
}

}  // namespace detail

/// Net as it is written in C++, e.g. "ctnn::network<ctnn::input<2>, ctnn::dense<1,
/// ctnn::logistic>>": names a model's topology in files, and in generated headers as code. Each
/// activation is spelled as activation_name spells it.
template <class Net>
std::string topology_name() {
  return detail::topology_name<Net>(std::make_index_sequence<Net::layer_count>{});
}

}  // namespace CTNN_NAMESPACE
