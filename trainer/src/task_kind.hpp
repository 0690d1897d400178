// Defines `ctnn_train::task_kind`: which of the homework's three tasks a run trains, apart from
// their networks, so that code built for another instruction set can name it (see isa/).
// SPDX-License-Identifier: BSL-1.0
#pragma once

namespace ctnn_train {

/// Which of the three tasks a run trains.
enum class task_kind { logical_or, logical_or_tanh, logical_xor };

}  // namespace ctnn_train
