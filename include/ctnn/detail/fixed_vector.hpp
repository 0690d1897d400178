// Defines `ctnn::detail::FixedVector`: a built-in array or std::array whose length is a constant.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <ctnn/detail/namespace.hpp>
#include <type_traits>

namespace CTNN_NAMESPACE::detail {

template <class X>
struct fixed_extent {};
template <class T, std::size_t N>
struct fixed_extent<T[N]> {
  using value_type = T;
  static constexpr std::size_t value = N;
};
template <class T, std::size_t N>
struct fixed_extent<std::array<T, N>> {
  using value_type = T;
  static constexpr std::size_t value = N;
};

/// A vector of T whose length is part of its type, so that widths are checked at compile time.
template <class X, class T>
concept FixedVector = std::same_as<typename fixed_extent<std::remove_cvref_t<X>>::value_type, T>;

template <class X>
inline constexpr std::size_t extent_of = fixed_extent<std::remove_cvref_t<X>>::value;

/// The first element's address; a raw pointer keeps element access free of calls, which constant
/// evaluation would count against its step budget.
template <class T, std::size_t N>
constexpr const T* data_of(const T (&x)[N]) {
  return x;
}
template <class T, std::size_t N>
constexpr const T* data_of(const std::array<T, N>& x) {
  return x.data();
}

}  // namespace CTNN_NAMESPACE::detail
