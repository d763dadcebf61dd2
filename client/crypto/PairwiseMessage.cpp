#include "PairwiseMessage.h"

namespace Parley {

QByteArray PairwiseMessage::encode() const
{
    QByteArray encoded;
    encoded.reserve(1 + body.size());
    encoded.append(static_cast<char>(type));
    encoded.append(body);
    return encoded;
}

CryptoResult<PairwiseMessage> PairwiseMessage::decode(const QByteArray &encoded)
{
    if (encoded.size() < 2)
        return CryptoError::InvalidMessage;
    const int type = encoded.at(0);
    if (type != static_cast<int>(Type::Signal) && type != static_cast<int>(Type::PreKey))
        return CryptoError::InvalidMessage;
    return PairwiseMessage{static_cast<Type>(type), encoded.mid(1)};
}

} // namespace Parley
