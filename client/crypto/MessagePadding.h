#pragma once

/// Pads message content before encryption so that a ciphertext's length says little about
/// what was written.
///
/// Without padding a sender-key ciphertext is the content length plus a constant, so the
/// server (or anyone on the wire) could tell "ok" from a paragraph, or recognise a known
/// file name. Padmé (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and
/// Communication with PURBs", PETS 2019) rounds a length L up so that at most
/// O(log log L) bits of it remain, with at most 12 % overhead; below MinimumPaddedSize every
/// message is the same size. The padding is ISO/IEC 7816-4: one 0x80 byte, then zeros.

#include <QtCore/QByteArray>

#include <optional>

namespace Parley::MessagePadding {

/// Every padded message is at least this long: short messages (most of them) all look alike.
inline constexpr qsizetype MinimumPaddedSize = 128;

/// The padded length of content of `length` bytes (the marker byte included).
qsizetype paddedSize(qsizetype length);

/// `content`, then 0x80, then zeros up to paddedSize(content.size()).
QByteArray pad(const QByteArray &content);

/// The content of a padded message; nullopt if the padding is malformed (no marker after the
/// trailing zeros), which a correct sender never produces.
std::optional<QByteArray> unpad(const QByteArray &padded);

} // namespace Parley::MessagePadding
