// Defines ctnn_bench::fann_xor<fann_type> for one FANN build: compiled twice, with
// CTNN_BENCH_FANN_FLOAT=0 for libdoublefann and =1 for libfloatfann, since the two builds' headers
// define fann_type and the same structures differently and cannot share a translation unit.
//
// Both builds also export the same symbol names, and FANN calls its own functions through the PLT
// (fann_train calls fann_run and the rest by symbol), so linking both would make libfloatfann's
// fann_train run libdoublefann's fann_run. The double build is linked as usual; the float build is
// loaded privately with dlopen and RTLD_DEEPBIND, which binds its calls to itself first.
//
// Nothing here instantiates a template on one of FANN's own types (std::vector<fann_connection>
// would be one entity with two layouts across the two objects); FANN's data stays in C arrays.
// SPDX-License-Identifier: BSL-1.0
#if CTNN_BENCH_FANN_FLOAT
#  include <dlfcn.h>
#  include <floatfann.h>
#else
#  include <doublefann.h>
#endif

#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "fann_xor.hpp"

namespace ctnn_bench {

namespace {

// The FANN functions this file calls, by their names without the fann_ prefix.
// clang-format off
#define CTNN_BENCH_FANN_CALLS(X) \
  X(create_shortcut_array) \
  X(destroy) \
  X(get_total_connections) \
  X(get_connection_array) \
  X(set_weight_array) \
  X(run) \
  X(train) \
  X(set_activation_function_hidden) \
  X(set_activation_function_output) \
  X(set_activation_steepness_hidden) \
  X(set_activation_steepness_output) \
  X(set_learning_rate) \
  X(set_learning_momentum) \
  X(set_train_error_function) \
  X(set_training_algorithm)
// clang-format on

/// The entry points of one FANN build.
struct fann_calls {
#define CTNN_BENCH_DECLARE(name) decltype(&::fann_##name) name = nullptr;
  CTNN_BENCH_FANN_CALLS(CTNN_BENCH_DECLARE)
#undef CTNN_BENCH_DECLARE
};

#if CTNN_BENCH_FANN_FLOAT

constexpr const char* library_name = "libfloatfann (dlopen, RTLD_DEEPBIND)";

fann_calls load_calls() {
  // Loaded once and kept for the program's life.
  void* const library = dlopen(CTNN_BENCH_FLOATFANN, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
  if (library == nullptr)
    throw std::runtime_error(std::string("cannot load " CTNN_BENCH_FLOATFANN ": ") + dlerror());
  fann_calls calls;
  const auto bind = [library](auto& call, const char* name) {
    void* const address = dlsym(library, name);
    if (address == nullptr)
      throw std::runtime_error(std::string(CTNN_BENCH_FLOATFANN " lacks ") + name);
    // POSIX guarantees that a function's address survives the trip through void*.
    static_assert(sizeof call == sizeof address);
    std::memcpy(&call, &address, sizeof address);
  };
#  define CTNN_BENCH_BIND(name) bind(calls.name, "fann_" #  name);
  CTNN_BENCH_FANN_CALLS(CTNN_BENCH_BIND)
#  undef CTNN_BENCH_BIND
  return calls;
}

#else

constexpr const char* library_name = "libdoublefann (linked)";

fann_calls load_calls() {
  fann_calls calls;
#  define CTNN_BENCH_BIND(name) calls.name = &::fann_##name;
  CTNN_BENCH_FANN_CALLS(CTNN_BENCH_BIND)
#  undef CTNN_BENCH_BIND
  return calls;
}

#endif

#undef CTNN_BENCH_FANN_CALLS

const fann_calls& calls() {
  static const fann_calls loaded = load_calls();
  return loaded;
}

/// More connections than the XOR net has: fann_get_connection_array fills a C array this long.
constexpr unsigned link_capacity = 16;

}  // namespace

template <class T>
struct fann_xor<T>::state {
  const fann_calls* call = nullptr;
  ::fann* ann = nullptr;

  state() = default;
  state(const state&) = delete;
  state& operator=(const state&) = delete;
  ~state() {
    if (ann != nullptr) call->destroy(ann);
  }
};

template <class T>
fann_xor<T>::fann_xor(float learning_rate) : self_(std::make_unique<state>()) {
  static_assert(std::is_same_v<T, fann_type>, "fann_xor<T> is defined for this build's fann_type");
  const fann_calls& call = calls();
  self_->call = &call;
  const unsigned layers[] = {2, 1, 1};  // fann_create_shortcut(3, 2, 1, 1)
  self_->ann = call.create_shortcut_array(3, layers);
  if (self_->ann == nullptr) throw std::runtime_error("fann_create_shortcut_array(3, {2, 1, 1})");
  ::fann* const ann = self_->ann;
  // FANN_SIGMOID is 1 / (1 + e^(-2 s net)): s = 1/2 makes it the logistic function. Its slope,
  // 2 s y (1 - y), is then y (1 - y), but with y clipped to [0.01, 0.99].
  call.set_activation_function_hidden(ann, FANN_SIGMOID);
  call.set_activation_function_output(ann, FANN_SIGMOID);
  call.set_activation_steepness_hidden(ann, fann_type(0.5));
  call.set_activation_steepness_output(ann, fann_type(0.5));
  // fann_train: w += rate (t - y) g'(net) x with no momentum term and the error (t - y) as it is
  // (FANN_ERRORFUNC_TANH would stretch it). The training algorithm only steers fann_train_epoch
  // and fann_train_on_data; it is set for the record.
  call.set_learning_rate(ann, learning_rate);
  call.set_learning_momentum(ann, 0.0f);
  call.set_train_error_function(ann, FANN_ERRORFUNC_LINEAR);
  call.set_training_algorithm(ann, FANN_TRAIN_INCREMENTAL);
}

template <class T>
fann_xor<T>::~fann_xor() = default;

template <class T>
const char* fann_xor<T>::library() {
  return library_name;
}

template <class T>
unsigned fann_xor<T>::total_connections() const {
  return self_->call->get_total_connections(self_->ann);
}

template <class T>
std::vector<fann_link<T>> fann_xor<T>::links() const {
  const unsigned count = total_connections();
  if (count > link_capacity) throw std::runtime_error("FANN's network has too many connections");
  ::fann_connection connections[link_capacity];
  self_->call->get_connection_array(self_->ann, connections);
  std::vector<fann_link<T>> result;
  for (unsigned i = 0; i < count; ++i)
    result.push_back({connections[i].from_neuron, connections[i].to_neuron, connections[i].weight});
  return result;
}

template <class T>
void fann_xor<T>::set_links(const std::vector<fann_link<T>>& links) {
  if (links.size() > link_capacity) throw std::runtime_error("too many connections to set");
  ::fann_connection connections[link_capacity];
  for (std::size_t i = 0; i < links.size(); ++i)
    connections[i] = {links[i].from, links[i].to, links[i].weight};
  self_->call->set_weight_array(self_->ann, connections, static_cast<unsigned>(links.size()));
}

template <class T>
T fann_xor<T>::run(const T* x) {
  // FANN's signatures take non-const pointers to data they only read.
  return self_->call->run(self_->ann, const_cast<T*>(x))[0];
}

template <class T>
void fann_xor<T>::train(const unsigned char* order, std::size_t steps, const T (*inputs)[2],
                        const T (*targets)[1]) {
  const auto train = self_->call->train;
  ::fann* const ann = self_->ann;
  for (std::size_t k = 0; k < steps; ++k)
    train(ann, const_cast<T*>(inputs[order[k]]), const_cast<T*>(targets[order[k]]));
}

template class fann_xor<fann_type>;

}  // namespace ctnn_bench
