#include "FrameCodec.h"

#include "Frames.h"

namespace Parley {

using namespace Qt::StringLiterals;

Result<RawFrame> FrameCodec::decode(QByteArrayView bytes, const FrameLimits &limits)
{
    auto map = FrameValidator(limits).read(bytes);
    if (!map)
        return map.error();
    RawFrame raw;
    const QCborValue type = map->take("t"_L1);
    if (!type.isString())
        return Error{ErrorCode::InvalidField, u"field \"t\" (frame type) must be text"_s};
    const QCborValue id = map->take("id"_L1);
    if (!id.isUndefined()) {
        if (!id.isInteger() || id.toInteger() < 0 || id.toInteger() > 0xFFFFFFFFLL)
            return Error{ErrorCode::InvalidField, u"field \"id\" must be an integer 0..2^32-1"_s};
        raw.id = id.toInteger();
    }
    raw.type = frameTypeFromName(type.toString());
    if (raw.type == FrameType::Unknown)
        return Error{ErrorCode::UnknownFrameType,
                     u"unknown frame type \"%1\""_s.arg(type.toString().left(32))};
    raw.fields = std::move(map).value();
    return raw;
}

QByteArray FrameCodec::encode(FrameType type, qint64 id, QCborMap fields)
{
    fields.insert("t"_L1, frameTypeName(type));
    if (id >= 0)
        fields.insert("id"_L1, id);
    return fields.toCborValue().toCbor();
}

QByteArray FrameCodec::encodeError(qint64 id, ErrorCode code, const QString &message)
{
    return encode(ErrorFrame{code, message}, id);
}

} // namespace Parley
