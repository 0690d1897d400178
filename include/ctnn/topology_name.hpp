// Defines `ctnn::topology_name`: a network type spelled as C++ source.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/network.hpp>
#include <string>
#include <utility>

namespace ctnn {

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
  return "ctnn::dense<" + std::to_string(Layer::width) + ", ctnn::" + Layer::activation::name +
         sources_name<typename Layer::sources>::get() + ">";
}

template <class Net, std::size_t... L>
std::string topology_name(std::index_sequence<L...>) {
  std::string result = "ctnn::network<ctnn::input<" + std::to_string(Net::input_width) + ">";
  ((result += ", " + layer_name<typename Net::template layer<L + 1>>()), ...);
  return result + ">";
}

}  // namespace detail

/// Net as it is written in C++, e.g. "ctnn::network<ctnn::input<2>, ctnn::dense<1,
/// ctnn::logistic>>": names a model's topology in files, and in generated headers as code. The
/// activations' `name` members supply their part.
template <class Net>
std::string topology_name() {
  return detail::topology_name<Net>(std::make_index_sequence<Net::layer_count - 1>{});
}

}  // namespace ctnn
