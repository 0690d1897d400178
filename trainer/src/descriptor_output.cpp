// Writes a descriptor_output's buffer with write(2), retrying after signals.
// SPDX-License-Identifier: BSL-1.0
#include "descriptor_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstddef>

namespace ctnn_train {

descriptor_output::descriptor_output(int descriptor) : descriptor_(descriptor) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

descriptor_output::~descriptor_output() { write_buffer(); }

bool descriptor_output::write_buffer() {
  const char* next = pbase();
  const char* const end = pptr();
  while (error_ == 0 && next < end) {
    const ::ssize_t written = ::write(descriptor_, next, static_cast<std::size_t>(end - next));
    if (written < 0) {
      if (errno != EINTR) error_ = errno;
    } else {
      next += written;
    }
  }
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return error_ == 0;
}

descriptor_output::int_type descriptor_output::overflow(int_type c) {
  if (!write_buffer()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

int descriptor_output::sync() { return write_buffer() ? 0 : -1; }

}  // namespace ctnn_train
