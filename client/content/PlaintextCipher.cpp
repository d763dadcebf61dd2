#include "PlaintextCipher.h"

#include <QtCore/QFuture>

namespace Parley {

QFuture<Result<QByteArray>> PlaintextCipher::encrypt(qint64, const QByteArray &plaintext)
{
    return QtFuture::makeReadyFuture(Result<QByteArray>(plaintext));
}

QFuture<Result<QByteArray>> PlaintextCipher::decrypt(const Envelope &envelope)
{
    return QtFuture::makeReadyFuture(Result<QByteArray>(envelope.body));
}

} // namespace Parley
