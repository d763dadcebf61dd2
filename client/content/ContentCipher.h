#pragma once

/// The one seam between message content and the bytes the server stores (a log entry's body).
///
/// The first implementation, PlaintextCipher, passes bytes through; parley_crypto's sender-key
/// cipher replaces it. Both calls may finish on any thread; callers continue with
/// `.then(context, …)`. A cipher that keeps state (ratchets) must give the same order of
/// results as the order of calls for one conversation.

#include "model/Envelope.h"
#include "protocol/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QFuture>

namespace Parley {

class ContentCipher
{
public:
    virtual ~ContentCipher() = default;

    /// Encrypts content for every current member device of the conversation.
    virtual QFuture<Result<QByteArray>> encrypt(qint64 conversationId,
                                                const QByteArray &plaintext) = 0;
    /// Decrypts a log entry's body (kind Content) back into content bytes.
    virtual QFuture<Result<QByteArray>> decrypt(const Envelope &envelope) = 0;
};

} // namespace Parley
