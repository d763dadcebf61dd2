#pragma once

/// Turns typed frames into the bytes of one WebSocket binary message and back.

#include "FrameType.h"
#include "FrameValidator.h"
#include "Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QCborMap>

namespace Parley {

/// A validated frame whose type is known but whose fields are not yet read: each side's
/// dispatcher routes it by `type` to the class that owns it, which calls FrameCodec::read<T>().
struct RawFrame
{
    FrameType type = FrameType::Unknown;
    qint64 id = -1; ///< the request id, or -1 for frames without one (pushes)
    QCborMap fields;

    bool hasId() const { return id >= 0; }
};

class FrameCodec
{
public:
    /// Validates bytes against limits and reads the frame header ("t" and "id").
    static Result<RawFrame> decode(QByteArrayView bytes, const FrameLimits &limits);

    /// Reads the typed fields of a frame already known to be of type T.
    template<typename T>
    static Result<T> read(const RawFrame &raw)
    {
        if (raw.type != T::Type)
            return Error{ErrorCode::UnexpectedFrame, QStringLiteral("expected another frame type")};
        return T::fromCbor(raw.fields);
    }

    /// Encodes a typed frame; `id` is the request id it answers or carries (-1: none).
    template<typename T>
    static QByteArray encode(const T &frame, qint64 id = -1)
    {
        return encode(T::Type, id, frame.toCbor());
    }

    static QByteArray encode(FrameType type, qint64 id, QCborMap fields);
    static QByteArray encodeError(qint64 id, ErrorCode code, const QString &message);
};

} // namespace Parley
