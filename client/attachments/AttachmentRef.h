#pragma once

/// What a message tells its readers about one attachment: where it is on the server and the key
/// that opens it. It travels only inside end-to-end encrypted message content.

#include "protocol/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QCborMap>

namespace Parley {

struct AttachmentRef
{
    QByteArray attachmentId; ///< 16 bytes, from the server's uploadFinished
    QByteArray key; ///< 32 bytes, fresh per attachment (AttachmentCipher)
    qint64 size = 0; ///< plaintext bytes
    qint64 encryptedSize = 0; ///< bytes stored on the server

    /// {"id": bytes, "key": bytes, "size": uint, "encSize": uint}, for the message content.
    QCborMap toCbor() const;
    static Result<AttachmentRef> fromCbor(const QCborMap &map);
    friend bool operator==(const AttachmentRef &, const AttachmentRef &) = default;
};

} // namespace Parley
