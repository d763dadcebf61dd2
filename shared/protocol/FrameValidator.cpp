#include "FrameValidator.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborStreamReader>
#include <QtCore/QSet>

namespace Parley {

namespace {

using namespace Qt::StringLiterals;

class Walker
{
public:
    Walker(QCborStreamReader &reader, const FrameLimits &limits)
        : m_reader(reader),
          m_limits(limits)
    {
    }

    Result<QCborValue> value(int depth)
    {
        if (depth > m_limits.maxDepth)
            return Error{ErrorCode::LimitExceeded,
                         u"nesting deeper than %1"_s.arg(m_limits.maxDepth)};
        if (m_reader.isSimpleType())
            return simple();
        switch (m_reader.type()) {
        case QCborStreamReader::UnsignedInteger: {
            const quint64 v = m_reader.toUnsignedInteger();
            if (v > quint64(std::numeric_limits<qint64>::max()))
                return Error{ErrorCode::LimitExceeded, u"integer out of range"_s};
            m_reader.next();
            return checked(QCborValue(qint64(v)));
        }
        case QCborStreamReader::NegativeInteger: {
            const quint64 v = quint64(m_reader.toNegativeInteger());
            if (v == 0 || v > quint64(std::numeric_limits<qint64>::max()) + 1)
                return Error{ErrorCode::LimitExceeded, u"integer out of range"_s};
            m_reader.next();
            return checked(QCborValue(qint64(-qint64(v - 1) - 1)));
        }
        case QCborStreamReader::ByteArray:
            return bytes();
        case QCborStreamReader::String:
            return text();
        case QCborStreamReader::Array:
            return array(depth);
        case QCborStreamReader::Map: {
            auto map = this->map(depth);
            if (!map)
                return map.error();
            return QCborValue(std::move(map).value());
        }
        case QCborStreamReader::Float16:
        case QCborStreamReader::Float:
        case QCborStreamReader::Double: {
            double d = m_reader.isDouble() ? m_reader.toDouble()
                    : m_reader.isFloat()   ? double(m_reader.toFloat())
                                           : double(float(m_reader.toFloat16()));
            m_reader.next();
            return checked(QCborValue(d));
        }
        case QCborStreamReader::Tag:
            return Error{ErrorCode::InvalidField, u"CBOR tags are not used by this protocol"_s};
        case QCborStreamReader::Invalid:
        default:
            return streamError();
        }
    }

    Result<QCborMap> map(int depth)
    {
        if (m_reader.isLengthKnown() && qsizetype(m_reader.length()) > m_limits.maxMapEntries)
            return Error{ErrorCode::LimitExceeded,
                         u"map has more than %1 entries"_s.arg(m_limits.maxMapEntries)};
        if (!m_reader.enterContainer())
            return streamError();
        QCborMap map;
        QSet<QString> keys;
        while (m_reader.hasNext()) {
            if (map.size() >= m_limits.maxMapEntries)
                return Error{ErrorCode::LimitExceeded,
                             u"map has more than %1 entries"_s.arg(m_limits.maxMapEntries)};
            if (!m_reader.isString())
                return m_reader.lastError() != QCborError::NoError
                        ? streamError()
                        : Error{ErrorCode::InvalidField, u"map keys must be text"_s};
            auto key = text();
            if (!key)
                return key.error();
            QString name = key->toString();
            if (keys.contains(name))
                return Error{ErrorCode::DuplicateKey, u"duplicate key \"%1\""_s.arg(name.left(64))};
            keys.insert(name);
            auto v = value(depth + 1);
            if (!v)
                return v.error();
            map.insert(name, std::move(v).value());
        }
        if (m_reader.lastError() != QCborError::NoError || !m_reader.leaveContainer())
            return streamError();
        return map;
    }

private:
    Result<QCborValue> simple()
    {
        const auto simple = m_reader.toSimpleType();
        m_reader.next();
        switch (simple) {
        case QCborSimpleType::False:
            return checked(QCborValue(false));
        case QCborSimpleType::True:
            return checked(QCborValue(true));
        case QCborSimpleType::Null:
            return checked(QCborValue(nullptr));
        default:
            return Error{ErrorCode::InvalidField, u"unsupported simple value"_s};
        }
    }

    Result<QCborValue> checked(QCborValue v)
    {
        if (m_reader.lastError() != QCborError::NoError)
            return streamError();
        return v;
    }

    Error streamError() const
    {
        const QCborError e = m_reader.lastError();
        switch (e.c) {
        case QCborError::InvalidUtf8String:
            return {ErrorCode::InvalidUtf8, u"text is not valid UTF-8"_s};
        case QCborError::EndOfFile:
            return {ErrorCode::MalformedFrame, u"truncated CBOR"_s};
        case QCborError::DataTooLarge:
            return {ErrorCode::LimitExceeded, u"declared length too large"_s};
        default:
            return {ErrorCode::MalformedFrame, u"invalid CBOR: %1"_s.arg(e.toString())};
        }
    }

    Result<QCborValue> bytes()
    {
        if (m_reader.isLengthKnown() && qsizetype(m_reader.length()) > m_limits.maxBytesBytes)
            return Error{ErrorCode::LimitExceeded,
                         u"byte string longer than %1"_s.arg(m_limits.maxBytesBytes)};
        QByteArray out;
        auto chunk = m_reader.readByteArray();
        while (chunk.status == QCborStreamReader::Ok) {
            out += chunk.data;
            if (out.size() > m_limits.maxBytesBytes)
                return Error{ErrorCode::LimitExceeded,
                             u"byte string longer than %1"_s.arg(m_limits.maxBytesBytes)};
            chunk = m_reader.readByteArray();
        }
        if (chunk.status == QCborStreamReader::Error)
            return streamError();
        return QCborValue(out);
    }

    Result<QCborValue> text()
    {
        if (m_reader.isLengthKnown() && qsizetype(m_reader.length()) > m_limits.maxStringBytes)
            return Error{ErrorCode::LimitExceeded,
                         u"text longer than %1 bytes"_s.arg(m_limits.maxStringBytes)};
        QString out;
        auto chunk = m_reader.readString();
        while (chunk.status == QCborStreamReader::Ok) {
            out += chunk.data;
            if (out.size() > m_limits.maxStringBytes)
                return Error{ErrorCode::LimitExceeded,
                             u"text longer than %1 bytes"_s.arg(m_limits.maxStringBytes)};
            chunk = m_reader.readString();
        }
        if (chunk.status == QCborStreamReader::Error)
            return streamError();
        return QCborValue(out);
    }

    Result<QCborValue> array(int depth)
    {
        if (m_reader.isLengthKnown() && qsizetype(m_reader.length()) > m_limits.maxArrayItems)
            return Error{ErrorCode::LimitExceeded,
                         u"array has more than %1 items"_s.arg(m_limits.maxArrayItems)};
        if (!m_reader.enterContainer())
            return streamError();
        QCborArray array;
        while (m_reader.hasNext()) {
            if (array.size() >= m_limits.maxArrayItems)
                return Error{ErrorCode::LimitExceeded,
                             u"array has more than %1 items"_s.arg(m_limits.maxArrayItems)};
            auto v = value(depth + 1);
            if (!v)
                return v.error();
            array.append(std::move(v).value());
        }
        if (m_reader.lastError() != QCborError::NoError || !m_reader.leaveContainer())
            return streamError();
        return QCborValue(array);
    }

    QCborStreamReader &m_reader;
    const FrameLimits &m_limits;
};

} // namespace

Result<QCborMap> FrameValidator::read(QByteArrayView bytes) const
{
    if (bytes.size() > m_limits.maxFrameBytes)
        return Error{ErrorCode::FrameTooLarge,
                     u"frame larger than %1 bytes"_s.arg(m_limits.maxFrameBytes)};
    if (bytes.isEmpty())
        return Error{ErrorCode::MalformedFrame, u"empty frame"_s};
    QCborStreamReader reader(reinterpret_cast<const quint8 *>(bytes.data()), bytes.size());
    if (!reader.isMap()) {
        if (reader.lastError() != QCborError::NoError)
            return Error{ErrorCode::MalformedFrame, u"truncated CBOR"_s};
        return Error{ErrorCode::MalformedFrame, u"a frame is a CBOR map"_s};
    }
    Walker walker(reader, m_limits);
    auto map = walker.map(1);
    if (!map)
        return map.error();
    if (reader.currentOffset() != bytes.size())
        return Error{ErrorCode::MalformedFrame, u"trailing data after the frame"_s};
    return map;
}

} // namespace Parley
