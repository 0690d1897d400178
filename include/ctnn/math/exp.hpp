// Defines ctnn::exp and ctnn::expm1: e^x and e^x - 1, constexpr and without the C library.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstdint>
#include <ctnn/detail/float_bits.hpp>
#include <ctnn/detail/fp_contract.hpp>
#include <ctnn/detail/namespace.hpp>

namespace CTNN_NAMESPACE {
namespace detail {

/// Largest x whose e^x is finite in T.
template <class T>
inline constexpr T exp_max = std::same_as<T, float> ? T(0x1.62e42ep+6) : T(0x1.62e42fefa39efp+9);

/// Smallest x whose e^x does not round to 0 in T: e^x > 2^-150 for float, 2^-1075 for double.
template <class T>
inline constexpr T exp_min = std::same_as<T, float> ? T(-0x1.9fe368p+6) : T(-0x1.74910d52d3051p+9);

// The two tables below hold 2^(j/256) for j < 256 as h_j (1 + t_j): h_j is 2^(j/256) rounded to
// the nearest double and t_j = 2^(j/256) / h_j - 1 rounded, so h_j (1 + t_j) carries 2^(j/256) to
// about 2^-107. They were computed in 300-bit arithmetic (Python's mpmath) and rounded to nearest
// through fractions.Fraction; tests/math.test.cpp checks every entry against exp2l.

/// The bits of h_j less j << 44: adding k << 44 for k = 256 q + j gives the bits of 2^q h_j, as the
/// exponent field starts at bit 52 (and q's borrow from it, for k < 0, is what 2^q needs).
// clang-format off
inline constexpr std::uint64_t exp2_bits[256] = {
    0x3ff0000000000000, 0x3feffb1afa5abcbf, 0x3feff63da9fb3335, 0x3feff168143b0281,
    0x3fefec9a3e778061, 0x3fefe7d42e11bbcc, 0x3fefe315e86e7f85, 0x3fefde5f72f654b1,
    0x3fefd9b0d3158574, 0x3fefd50a0e3c1f89, 0x3fefd06b29ddf6de, 0x3fefcbd42b72a836,
    0x3fefc74518759bc8, 0x3fefc2bdf66607e0, 0x3fefbe3ecac6f383, 0x3fefb9c79b1f3919,
    0x3fefb5586cf9890f, 0x3fefb0f145e46c85, 0x3fefac922b7247f7, 0x3fefa83b23395dec,
    0x3fefa3ec32d3d1a2, 0x3fef9fa55fdfa9c5, 0x3fef9b66affed31b, 0x3fef973028d7233e,
    0x3fef9301d0125b51, 0x3fef8edbab5e2ab6, 0x3fef8abdc06c31cc, 0x3fef86a814f204ab,
    0x3fef829aaea92de0, 0x3fef7e95934f312e, 0x3fef7a98c8a58e51, 0x3fef76a45471c3c2,
    0x3fef72b83c7d517b, 0x3fef6ed48695bbc0, 0x3fef6af9388c8dea, 0x3fef672658375d2f,
    0x3fef635beb6fcb75, 0x3fef5f99f8138a1c, 0x3fef5be084045cd4, 0x3fef582f95281c6b,
    0x3fef54873168b9aa, 0x3fef50e75eb44027, 0x3fef4d5022fcd91d, 0x3fef49c18438ce4d,
    0x3fef463b88628cd6, 0x3fef42be3578a819, 0x3fef3f49917ddc96, 0x3fef3bdda27912d1,
    0x3fef387a6e756238, 0x3fef351ffb82140a, 0x3fef31ce4fb2a63f, 0x3fef2e85711ece75,
    0x3fef2b4565e27cdd, 0x3fef280e341ddf29, 0x3fef24dfe1f56381, 0x3fef21ba7591bb70,
    0x3fef1e9df51fdee1, 0x3fef1b8a66d10f13, 0x3fef187fd0dad990, 0x3fef157e39771b2f,
    0x3fef1285a6e4030b, 0x3fef0f961f641589, 0x3fef0cafa93e2f56, 0x3fef09d24abd886b,
    0x3fef06fe0a31b715, 0x3fef0432edeeb2fd, 0x3fef0170fc4cd831, 0x3feefeb83ba8ea32,
    0x3feefc08b26416ff, 0x3feef96266e3fa2d, 0x3feef6c55f929ff1, 0x3feef431a2de883b,
    0x3feef1a7373aa9cb, 0x3feeef26231e754a, 0x3feeecae6d05d866, 0x3feeea401b7140ef,
    0x3feee7db34e59ff7, 0x3feee57fbfec6cf4, 0x3feee32dc313a8e5, 0x3feee0e544ede173,
    0x3feedea64c123422, 0x3feedc70df1c5175, 0x3feeda4504ac801c, 0x3feed822c367a024,
    0x3feed60a21f72e2a, 0x3feed3fb2709468a, 0x3feed1f5d950a897, 0x3feecffa3f84b9d4,
    0x3feece086061892d, 0x3feecc2042a7d232, 0x3feeca41ed1d0057, 0x3feec86d668b3237,
    0x3feec6a2b5c13cd0, 0x3feec4e1e192aed2, 0x3feec32af0d7d3de, 0x3feec17dea6db7d7,
    0x3feebfdad5362a27, 0x3feebe41b817c114, 0x3feebcb299fddd0d, 0x3feebb2d81d8abff,
    0x3feeb9b2769d2ca7, 0x3feeb8417f4531ee, 0x3feeb6daa2cf6642, 0x3feeb57de83f4eef,
    0x3feeb42b569d4f82, 0x3feeb2e2f4f6ad27, 0x3feeb1a4ca5d920f, 0x3feeb070dde910d2,
    0x3feeaf4736b527da, 0x3feeae27dbe2c4cf, 0x3feead12d497c7fd, 0x3feeac0827ff07cc,
    0x3feeab07dd485429, 0x3feeaa11fba87a03, 0x3feea9268a5946b7, 0x3feea84590998b93,
    0x3feea76f15ad2148, 0x3feea6a320dceb71, 0x3feea5e1b976dc09, 0x3feea52ae6cdf6f4,
    0x3feea47eb03a5585, 0x3feea3dd1d1929fd, 0x3feea34634ccc320, 0x3feea2b9febc8fb7,
    0x3feea23882552225, 0x3feea1c1c70833f6, 0x3feea155d44ca973, 0x3feea0f4b19e9538,
    0x3feea09e667f3bcd, 0x3feea052fa75173e, 0x3feea012750bdabf, 0x3fee9fdcddd47645,
    0x3fee9fb23c651a2f, 0x3fee9f9298593ae5, 0x3fee9f7df9519484, 0x3fee9f7466f42e87,
    0x3fee9f75e8ec5f74, 0x3fee9f8286ead08a, 0x3fee9f9a48a58174, 0x3fee9fbd35d7cbfd,
    0x3fee9feb564267c9, 0x3feea024b1ab6e09, 0x3feea0694fde5d3f, 0x3feea0b938ac1cf6,
    0x3feea11473eb0187, 0x3feea17b0976cfdb, 0x3feea1ed0130c132, 0x3feea26a62ff86f0,
    0x3feea2f336cf4e62, 0x3feea3878491c491, 0x3feea427543e1a12, 0x3feea4d2add106d9,
    0x3feea589994cce13, 0x3feea64c1eb941f7, 0x3feea71a4623c7ad, 0x3feea7f4179f5b21,
    0x3feea8d99b4492ed, 0x3feea9cad931a436, 0x3feeaac7d98a6699, 0x3feeabd0a478580f,
    0x3feeace5422aa0db, 0x3feeae05bad61778, 0x3feeaf3216b5448c, 0x3feeb06a5e0866d9,
    0x3feeb1ae99157736, 0x3feeb2fed0282c8a, 0x3feeb45b0b91ffc6, 0x3feeb5c353aa2fe2,
    0x3feeb737b0cdc5e5, 0x3feeb8b82b5f98e5, 0x3feeba44cbc8520f, 0x3feebbdd9a7670b3,
    0x3feebd829fde4e50, 0x3feebf33e47a22a2, 0x3feec0f170ca07ba, 0x3feec2bb4d53fe0d,
    0x3feec49182a3f090, 0x3feec674194bb8d5, 0x3feec86319e32323, 0x3feeca5e8d07f29e,
    0x3feecc667b5de565, 0x3feece7aed8eb8bb, 0x3feed09bec4a2d33, 0x3feed2c980460ad8,
    0x3feed503b23e255d, 0x3feed74a8af46052, 0x3feed99e1330b358, 0x3feedbfe53c12e59,
    0x3feede6b5579fdbf, 0x3feee0e521356eba, 0x3feee36bbfd3f37a, 0x3feee5ff3a3c2774,
    0x3feee89f995ad3ad, 0x3feeeb4ce622f2ff, 0x3feeee07298db666, 0x3feef0ce6c9a8952,
    0x3feef3a2b84f15fb, 0x3feef68415b749b1, 0x3feef9728de5593a, 0x3feefc6e29f1c52a,
    0x3feeff76f2fb5e47, 0x3fef028cf22749e4, 0x3fef05b030a1064a, 0x3fef08e0b79a6f1f,
    0x3fef0c1e904bc1d2, 0x3fef0f69c3f3a207, 0x3fef12c25bd71e09, 0x3fef16286141b33d,
    0x3fef199bdd85529c, 0x3fef1d1cd9fa652c, 0x3fef20ab5fffd07a, 0x3fef244778fafb22,
    0x3fef27f12e57d14b, 0x3fef2ba88988c933, 0x3fef2f6d9406e7b5, 0x3fef33405751c4db,
    0x3fef3720dcef9069, 0x3fef3b0f2e6d1675, 0x3fef3f0b555dc3fa, 0x3fef43155b5bab74,
    0x3fef472d4a07897c, 0x3fef4b532b08c968, 0x3fef4f87080d89f2, 0x3fef53c8eacaa1d6,
    0x3fef5818dcfba487, 0x3fef5c76e862e6d3, 0x3fef60e316c98398, 0x3fef655d71ff6075,
    0x3fef69e603db3285, 0x3fef6e7cd63a8315, 0x3fef7321f301b460, 0x3fef77d5641c0658,
    0x3fef7c97337b9b5f, 0x3fef81676b197d17, 0x3fef864614f5a129, 0x3fef8b333b16ee12,
    0x3fef902ee78b3ff6, 0x3fef953924676d76, 0x3fef9a51fbc74c83, 0x3fef9f7977cdb740,
    0x3fefa4afa2a490da, 0x3fefa9f4867cca6e, 0x3fefaf482d8e67f1, 0x3fefb4aaa2188510,
    0x3fefba1bee615a27, 0x3fefbf9c1cb6412a, 0x3fefc52b376bba97, 0x3fefcac948dd7274,
    0x3fefd0765b6e4540, 0x3fefd632798844f8, 0x3fefdbfdad9cbe14, 0x3fefe1d802243c89,
    0x3fefe7c1819e90d8, 0x3fefedba3692d514, 0x3feff3c22b8f71f1, 0x3feff9d96b2a23d9,
};

/// t_j = 2^(j/256) / h_j - 1: what rounding took from 2^(j/256), relative to it.
inline constexpr double exp2_tails[256] = {
    0x0.0p+0, -0x1.4e82fc61851acp-55, 0x1.b3b4f1a88bf6ep-54, -0x1.2985dd8521d32p-55,
    -0x1.160139cd8dc5dp-56, 0x1.51e617061bfbdp-57, -0x1.05e7a108766d1p-54, 0x1.45fad437fa426p-55,
    0x1.cd2523567f613p-55, -0x1.54529642b232fp-54, -0x1.bce8023f98efap-55, 0x1.293708ef5c32ep-55,
    0x1.0f74e61e6c861p-57, -0x1.5b9280905b2a4p-54, 0x1.0a3e45b33d399p-54, 0x1.4f31f32c4b7e7p-55,
    0x1.79aa65d837b6dp-54, 0x1.407fb30d06420p-54, 0x1.eb51a92fdeffcp-55, -0x1.a5d04b3b9911bp-54,
    0x1.ebe3d702f9cd1p-60, -0x1.37a01f0739546p-54, -0x1.a033489906e0bp-57, 0x1.b8268b04ef0a5p-55,
    -0x1.556522a2fbd0ep-54, -0x1.ac46e44a2ebccp-54, -0x1.080ef8c4eea55p-58, -0x1.5704e90c9f860p-57,
    -0x1.1c923b9d5f416p-54, -0x1.97cea57e46280p-55, 0x1.0d3e3e95c55afp-55, 0x1.6f01429e2b9d2p-58,
    -0x1.01b15eaa59348p-55, 0x1.e653b2459034bp-57, -0x1.f1ff055de323dp-55, 0x1.2cc7ea345b7dcp-54,
    0x1.b898c3f1353bfp-55, 0x1.57bfb2876ea9ep-54, -0x1.6d99c7611eb26p-54, 0x1.cdc1873af2155p-55,
    0x1.aecf73e3a2f60p-54, -0x1.493684653a131p-54, -0x1.fe782cb86389dp-55, -0x1.8e2899077520ap-54,
    0x1.a6f4144a6c38dp-55, 0x1.120fcd4f59273p-54, 0x1.07a05b0e4047dp-55, 0x1.9b788c188c9b8p-55,
    0x1.68efde3a8a894p-54, 0x1.77afbca90ef84p-55, 0x1.75e18f274487dp-55, 0x1.1512f082876eep-54,
    0x1.0472b981fe7f2p-55, 0x1.a02f0c7d75ec6p-54, -0x1.6b87b3f71085ep-54, -0x1.03297e78260bfp-55,
    0x1.2f7e16d09ab31p-55, -0x1.5b77e5ccd9fbfp-54, -0x1.d219b1a6fbffap-60, -0x1.1e75c40b4251ep-54,
    0x1.b3782720c0ab4p-55, 0x1.8a911f1f7785ap-54, 0x1.e149289cecb8fp-57, -0x1.1e7c998db7dbbp-57,
    0x1.34d754db0abb6p-55, 0x1.5425c11faadf4p-55, 0x1.64201e2ac744cp-55, -0x1.79517a03e2847p-54,
    0x1.fdd395dd3f84ap-55, -0x1.00e2a46da4beep-55, -0x1.6a3803b8e5b04p-55, -0x1.7430803972b34p-55,
    -0x1.24aedcc4b5068p-54, -0x1.54de30ae02d94p-54, -0x1.907f81b512d8ep-54, -0x1.4f2487e1c03ecp-54,
    -0x1.1d1e83e9436d2p-56, 0x1.14a5432fcb2f4p-54, -0x1.91919b3ce1b15p-54, 0x1.9c3bba5562a2fp-56,
    0x1.59f48a72a4c6dp-55, -0x1.5a71612e21658p-55, -0x1.312607a28698ap-54, 0x1.6421f6f1d24d6p-55,
    -0x1.8a78f4817895bp-58, -0x1.348a6815fce65p-54, -0x1.c2c9b67499a1bp-56, 0x1.35c43984d9871p-55,
    0x1.363ed60c2ac11p-59, -0x1.32afc8d9473a0p-57, 0x1.666093b0664efp-54, -0x1.5fc5e44de020ep-54,
    0x1.ecce1daa10379p-57, -0x1.ea0148327c42fp-56, 0x1.3ff8e3f0f1230p-54, -0x1.a843ad1a88022p-56,
    0x1.690cebb7aafb0p-56, 0x1.92ca3bf144e63p-55, 0x1.31dbdeb54e077p-54, -0x1.02c99b04aa8b0p-54,
    -0x1.f94340071a38ep-55, 0x1.3e34f67e67118p-56, -0x1.7deccdc93a349p-55, -0x1.5a3b1197ba0f0p-56,
    -0x1.8dec6bd0f385fp-56, 0x1.1bd2888075068p-55, -0x1.61246ec7b5cf6p-55, -0x1.96be8ae89ef8fp-55,
    0x1.3350518fdd78ep-54, -0x1.8e6ac90348602p-55, 0x1.b98b72f8a9b05p-56, -0x1.1af7f1365c3acp-54,
    0x1.063e1e21c5409p-54, -0x1.43a3540d1898ap-54, 0x1.4c7855019c6eap-60, -0x1.51f58ddaa8090p-54,
    0x1.432e62b64c035p-54, -0x1.2e1648e50a17cp-55, -0x1.ce44a6199769fp-55, 0x1.5f30eda98a575p-54,
    -0x1.c33c53bef4da8p-55, 0x1.17ecda8a72159p-54, -0x1.45378892be9aep-55, -0x1.345f3cee1ae6ep-54,
    -0x1.3cedd78565858p-54, -0x1.5c33fdf910406p-55, 0x1.710aa807e1964p-58, 0x1.1079ab5789604p-55,
    -0x1.3b3efbf5e2228p-54, 0x1.27df161cd7778p-56, -0x1.a12ad8734b982p-57, 0x1.3f9924a05b767p-54,
    -0x1.367efb86da9eep-57, -0x1.7557939a8b5efp-55, -0x1.0dc3d54e08851p-55, 0x1.1ed2f56fa9d1ap-58,
    -0x1.81f647e5a3ecfp-56, -0x1.8e67a9006c909p-55, -0x1.6ee4ac08b7db0p-55, 0x1.6597566977ac8p-55,
    -0x1.619321e55e68ap-55, 0x1.2c0b7028a5c3ap-54, 0x1.09ccb5e09d4d3p-54, 0x1.a30faf49cc78cp-55,
    -0x1.b32dcb94da51dp-56, -0x1.2dad3519d7b5bp-54, 0x1.4ecfd5467c06bp-54, 0x1.7d51410fd15c2p-55,
    0x1.5ebe1abd66c55p-57, -0x1.60a3629969871p-56, -0x1.8a1c52fb3cf42p-55, 0x1.b18c6e3fdef5dp-55,
    -0x1.369b6f13b3734p-54, 0x1.0ec1ddcb1390ap-54, -0x1.05e843a19ff1ep-55, -0x1.22cea4f3afa1ep-58,
    -0x1.4d450d872576ep-54, 0x1.c88549b958471p-56, 0x1.0ad675b0e8a00p-54, 0x1.31143962f7877p-54,
    0x1.db72fc1f0eab4p-55, 0x1.3e9e96f112479p-54, -0x1.5b6609cc5e7ffp-57, -0x1.dac42a4a38df0p-55,
    0x1.bf68359f35f44p-56, 0x1.b99dd98b1ed84p-55, -0x1.3091fa71e3d83p-54, -0x1.885ad50cbb750p-56,
    -0x1.da9b88b6c1e29p-58, -0x1.2d5e85f3e0301p-55, -0x1.c23f97c90b959p-57, -0x1.1669428996971p-58,
    -0x1.2434322f4f9aap-54, 0x1.1f2b2c1c4c014p-56, -0x1.5ca6cd7668e4bp-55, -0x1.294f304f166b6p-54,
    0x1.1affc2b91ce27p-56, -0x1.a1e58414c07d3p-55, 0x1.dd235e10a73bbp-57, -0x1.9740b58a20091p-56,
    -0x1.7c50422622263p-55, 0x1.165830a2b96c2p-54, 0x1.b1c86e3e231d5p-55, -0x1.03d5cbe27874bp-54,
    -0x1.1bbd1d3bcbb15p-54, 0x1.986178980fce0p-58, 0x1.0cc319cee31d2p-54, -0x1.9472975b1f2a5p-55,
    0x1.469846e735ab3p-55, 0x1.d8157a34b7e7fp-56, -0x1.2dfcd978e9db4p-55, 0x1.c8a4e231ebb7dp-55,
    0x1.c1a7792cb3387p-55, -0x1.88c8d11a142e5p-55, -0x1.07b8f4ad1d9fap-54, 0x1.89c2ea41433c7p-55,
    -0x1.5c3d956dcaebap-58, -0x1.274aedac8ff80p-56, -0x1.0a40e3da6f640p-54, 0x1.5c620ce76df06p-55,
    -0x1.8d6f438ad9334p-57, -0x1.fda52e1b51e41p-55, -0x1.1eee26b588a35p-54, -0x1.2141a7b3e2cd8p-60,
    0x1.4ffd70a5fddcdp-56, -0x1.02899507554e5p-60, -0x1.1bdfbfa9298acp-54, -0x1.0dda2d4c0010cp-55,
    0x1.36eae30af0cb3p-56, -0x1.a007daadf8d68p-55, 0x1.ee3325c9ffd94p-55, 0x1.36909391181d3p-55,
    0x1.4e08fd10959acp-55, -0x1.11cd7dbdf9547p-55, 0x1.3cdaf384e1a67p-57, -0x1.ac28b7bef6621p-56,
    0x1.76b2c6c921968p-57, -0x1.030587207b9e1p-56, -0x1.08a1883ccb5d2p-55, -0x1.cc734592af7fcp-55,
    -0x1.fad5d3ffffa6fp-55, 0x1.7752a44f587e8p-55, -0x1.00dae3875a949p-54, 0x1.5b66fefeef52ep-55,
    0x1.4a385a63d07a7p-56, 0x1.159d9d908a96ep-58, -0x1.2919e2040220fp-55, 0x1.c254d16117a68p-55,
    0x1.e5a50d5c192acp-55, -0x1.d8c329fbd0e03p-55, 0x1.43a59ac016b4bp-55, -0x1.ea6e6fbd5f2a6p-55,
    -0x1.2d52107b43e1fp-55, -0x1.3e8e3eab2cbb4p-57, -0x1.92ab93b470dc9p-55, -0x1.b7966cd0d2cd9p-55,
    0x1.4b604603a88d3p-56, -0x1.76caa4c2ff1cfp-56, 0x1.3c5ec519d7271p-55, -0x1.1d5fc525d9940p-55,
    -0x1.ff7128fd391f0p-55, 0x1.55cd8aaea3d21p-55, -0x1.dae98e223747dp-55, 0x1.269947c2bed4ap-55,
    0x1.ec3bc41aa2008p-55, -0x1.3b6137e9afe9ep-55, 0x1.42b94c3a9eb32p-55, -0x1.9fa74878ba7c7p-57,
    0x1.a64a931d185eep-55, 0x1.01f3a75ee0efep-54, -0x1.e37bae43be3edp-55, -0x1.16a9ce6ed84fap-58,
    0x1.7893b4d91cd9dp-56, -0x1.99c7db2effc76p-57, 0x1.305c14160cc89p-58, 0x1.4b458677f9840p-57,
};
// clang-format on

// The constants of exp_kernel and exp_kernel_for_float, named once for them and for their
// statement in vectors (<ctnn/lanes/math.hpp>). Macros, as a literal is what costs constant
// evaluation least: the same constants as constexpr variables cost GCC's evaluator 72 more
// operations an OR epoch (docs/evaluator-costs.md).
// 256 / ln 2: x times it is x in units of ln2/256.
#define CTNN_DETAIL_EXP_INVERSE_STEP 0x1.71547652b82fep+8
// 1.5 * 2^52: added to t in [-2^51, 2^51], it rounds t to an integer held in the low bits.
#define CTNN_DETAIL_EXP_ROUND_SHIFT 0x1.8p52
// ln2/256 as a high part of 33 bits, whose products with k < 2^19 are exact, and the rest.
#define CTNN_DETAIL_EXP_STEP_HIGH 0x1.62e42fef00000p-9
#define CTNN_DETAIL_EXP_STEP_LOW 0x1.473de6af278edp-42
// p(r) = p2 + p3 r + p4 r^2: e^r ~ 1 + r + r^2 p(r) on |r| <= ln2/512 (absolute error 2^-57.4).
#define CTNN_DETAIL_EXP_P2 0x1.fffffffffffd4p-2
#define CTNN_DETAIL_EXP_P3 0x1.5555571d82c6bp-3
#define CTNN_DETAIL_EXP_P4 0x1.55555769ab3f5p-5
// The same for expm1, minimax for the error relative to e^r - 1 (2^-61), degree 3.
#define CTNN_DETAIL_EXP_M2 0x1.fffffffffffe6p-2
#define CTNN_DETAIL_EXP_M3 0x1.5555555555562p-3
#define CTNN_DETAIL_EXP_M4 0x1.5555570ab7fa3p-5
#define CTNN_DETAIL_EXP_M5 0x1.11111140c60e4p-7
// The short kernel's e^(r ln2/256) ~ 1 + c1 r + c2 r^2 + c3 r^3, r in units of ln2/256: the
// Taylor coefficients (ln2/256)^n / n!.
#define CTNN_DETAIL_EXP_C1 0x1.62e42fefa39efp-9
#define CTNN_DETAIL_EXP_C2 0x1.ebfbdff82c58fp-19
#define CTNN_DETAIL_EXP_C3 0x1.c6b08d704a0c0p-29

/// Adds n to the exponent field of a double's bits: the template argument of exp_kernel.
constexpr std::uint64_t exponent_step(int n) { return std::uint64_t(n) << fraction_bits; }

/// e^x, or e^x - 1 if MinusOne, for x in (-708.39, 709.78), where 2^q and e^x are normal doubles,
/// times 2^n for ExponentStep = exponent_step(n): callers go beyond that range by scaling back.
template <std::uint64_t ExponentStep = 0, bool MinusOne = false>
constexpr double exp_kernel(double x) {
  // x = k ln2/256 + r with |r| <= ln2/512 and k = 256 q + j, so that with s = 2^q h_j
  //   e^x = 2^q h_j (1 + t_j) e^r = s + s (t_j + r + r^2 p(r)),
  // where the second term is below 2^-8 s, so that its rounding errors add hundredths of an ulp:
  // the result is within 0.55 ulp; for x below -704, where that term is subnormal and rounds to a
  // multiple of 2^-1074, within 0.8 ulp. kd = k + 1.5 * 2^52 rounds x 256/ln 2 to the integer k and
  // holds it in its low bits. ln2/256 is split in two: k ln2_hi/256 is exact (33 bits times
  // |k| < 2^19) and so is x minus it (Sterbenz). p is the minimax for the absolute error of
  // e^r - 1 - r on |r| <= ln2/512, 2^-57.4, or for expm1 for the error relative to e^r - 1,
  // 2^-61, both by Remez exchange in 200-bit arithmetic; Estrin's scheme shortens the dependency
  // chain at run time. Locals are not const (docs/evaluator-costs.md).
  double kd = x * CTNN_DETAIL_EXP_INVERSE_STEP + CTNN_DETAIL_EXP_ROUND_SHIFT,
         scale = __builtin_bit_cast(double, exp2_bits[__builtin_bit_cast(std::uint64_t, kd) & 255] +
                                                (__builtin_bit_cast(std::uint64_t, kd) << 44) +
                                                ExponentStep),
         r = (x - (kd - CTNN_DETAIL_EXP_ROUND_SHIFT) * CTNN_DETAIL_EXP_STEP_HIGH) -
             (kd - CTNN_DETAIL_EXP_ROUND_SHIFT) * CTNN_DETAIL_EXP_STEP_LOW;
  // scale - 1 is exact for scale in [1/2, 2^53]; outside, e^x - 1 is below -1/2 or above 2^53,
  // where rounding it costs half an ulp of the result.
  return (MinusOne ? scale - 1.0 : scale) +
         scale * (exp2_tails[__builtin_bit_cast(std::uint64_t, kd) & 255] + r +
                  r * r *
                      (MinusOne ? CTNN_DETAIL_EXP_M2 + r * CTNN_DETAIL_EXP_M3 +
                                      r * r * (CTNN_DETAIL_EXP_M4 + r * CTNN_DETAIL_EXP_M5)
                                : CTNN_DETAIL_EXP_P2 + r * CTNN_DETAIL_EXP_P3 +
                                      r * r * CTNN_DETAIL_EXP_P4));
}

/// e^x to float's needs, for x in (-708.39, 709.78): what sigmoid and tanh use for float results.
constexpr double exp_kernel_for_float(double x) {
  // The kernel above made short, as float's 24 bits leave room for 2^-42 of error: t = x 256/ln 2
  // rounds (by 2^-53 of t, so by |x| 2^-53 in r), kd rounds t to the integer k, t - k is exact
  // (Sterbenz) and is r in units of ln2/256, h_j's tail is dropped (2^-53) and e^r is its cubic
  // Taylor polynomial (off by (ln2/512)^4/24 < 2^-42.6). The result is within 2^-42 of e^x
  // relative to it, so float rounds it correctly but for about 3 inputs in a million. Grouped as
  // (1 + c1 r) + r^2 (c2 + c3 r), the chain from x to e^x is 8 operations long.
  double t = x * CTNN_DETAIL_EXP_INVERSE_STEP, kd = t + CTNN_DETAIL_EXP_ROUND_SHIFT,
         r = t - (kd - CTNN_DETAIL_EXP_ROUND_SHIFT);
  return __builtin_bit_cast(double, exp2_bits[__builtin_bit_cast(std::uint64_t, kd) & 255] +
                                        (__builtin_bit_cast(std::uint64_t, kd) << 44)) *
         ((1.0 + r * CTNN_DETAIL_EXP_C1) + r * r * (CTNN_DETAIL_EXP_C2 + r * CTNN_DETAIL_EXP_C3));
}

/// e^x for double x beyond (-708, 709), where 2^q or e^x may leave the normals: the kernel
/// computes e^x 2^-1 or e^x 2^1000 and one product scales it back; for a subnormal result that
/// product rounds a second time, after the kernel's own rounding to 53 bits (hence 0.8 ulp).
/// Beyond the thresholds the answer comes without arithmetic, as GCC refuses to
/// constant-evaluate an overflow to infinity. Cold, so that where exp or sigmoid is inlined this
/// rare path stays a call: inlined, its two kernels made GCC's sigmoid<double> too large to inline
/// into the training step.
[[gnu::cold]] constexpr double exp_beyond_normals(double x) {
  return x > 0 ? (x <= exp_max<double> ? exp_kernel<exponent_step(-1)>(x) * 2.0 : infinity<double>)
         : x < 0 ? (x >= exp_min<double> ? exp_kernel<exponent_step(1000)>(x) * 0x1p-1000 : 0.0)
                 : x;
}

}  // namespace detail

/// e^x, overflowing to infinity and rounding through the subnormals down to 0: for double within
/// 0.55 ulp, but 0.8 ulp for x in [-711, -704), where the result nears or enters the subnormals
/// (tests/math.test.cpp measures both); for float within 0.5 + 2^-18 ulp.
template <std::floating_point T>
requires detail::FitsInDouble<T>
constexpr T exp(T x) {
  // float's whole range takes the short kernel, in double: within 2^-42 of e^x, so that float's
  // e^x is within 0.5 + 2^-18 ulp (glibc's expf: 0.502), correctly rounded but for a few inputs
  // per million, with a shorter dependency chain than the full kernel. double's range takes the
  // full kernel within (-708, 709), detail::exp_beyond_normals outside.
  if constexpr (std::same_as<T, float>) {
    return x >= detail::exp_min<T> && x <= detail::exp_max<T>
               ? T(detail::exp_kernel_for_float(double(x)))
           : x > 0 ? detail::infinity<T>
           : x < 0 ? T(0)
                   : x;
  } else {
    return x > -708.0 && x < 709.0 ? T(detail::exp_kernel(double(x)))
                                   : T(detail::exp_beyond_normals(double(x)));
  }
}

/// e^x - 1, accurate for x near 0 where e^x - 1 would cancel.
template <std::floating_point T>
requires detail::FitsInDouble<T>
constexpr T expm1(T x) {
  // Below |x| = 1/32, where the kernel's e^r - 1 would round about as large as the result, a
  // minimax x + x^2 q(x) (degree 8, relative error 2^-64.7) rounds once, at the end; elsewhere
  // the kernel's (s - 1) + s (...) is within about 1 ulp (1.001 measured at x = 37:
  // docs/numerics.md). Above 40, e^x > 2^57 hides the - 1 (and
  // may overflow); below -64, e^x < 2^-92 hides next to -1.
  return x > -0x1p-5 && x < 0x1p-5
             ? T(double(x) +
                 double(x) * double(x) *
                     (0x1p-1 +
                      double(x) *
                          (0x1.5555555555566p-3 +
                           double(x) *
                               (0x1.555555555551ep-5 +
                                double(x) *
                                    (0x1.1111110f753bdp-7 +
                                     double(x) *
                                         (0x1.6c16c16ee3914p-10 +
                                          double(x) * (0x1.a01cc817af2bdp-13 +
                                                       double(x) * 0x1.a019d2bb237bdp-16)))))))
         : x >= -64.0 && x <= 40.0 ? T(detail::exp_kernel<0, true>(double(x)))
         : x > 0                   ? ctnn::exp(x)
         : x < 0                   ? T(-1)
                                   : x;
}

}  // namespace CTNN_NAMESPACE
