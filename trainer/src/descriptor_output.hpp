// Defines `ctnn_train::descriptor_output`: a stream buffer over a file descriptor that remembers
// its first write error, so that a report lost to a full disk or a closed pipe is noticed.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <streambuf>

namespace ctnn_train {

class descriptor_output : public std::streambuf {
 public:
  explicit descriptor_output(int descriptor);
  descriptor_output(const descriptor_output&) = delete;
  descriptor_output& operator=(const descriptor_output&) = delete;
  ~descriptor_output() override;

  /// The errno of the first write that failed (EPIPE, ENOSPC, ...), or 0. After a failure the
  /// rest of the output is dropped.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  bool write_buffer();
  int descriptor_;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

}  // namespace ctnn_train
