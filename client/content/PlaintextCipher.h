#pragma once

/// The ContentCipher used until end-to-end encryption lands: the body is the content itself.

#include "ContentCipher.h"

namespace Parley {

class PlaintextCipher final : public ContentCipher
{
public:
    QFuture<Result<QByteArray>> encrypt(qint64 conversationId,
                                        const QByteArray &plaintext) override;
    QFuture<Result<QByteArray>> decrypt(const Envelope &envelope) override;
};

} // namespace Parley
