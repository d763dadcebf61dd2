#pragma once

/// Reads typed fields out of a decoded frame map, turning wrong types and bad values into Errors.

#include "Result.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QList>

#include <optional>

namespace Parley {

/// Each call reads one field; the first failure is kept and later calls do nothing, so a
/// frame's fromCbor() is a straight list of fields ending in finish(). Fields are required
/// unless preceded by optional(); an absent or null optional field keeps its default.
class FieldReader
{
public:
    explicit FieldReader(const QCborMap &map) : m_map(map) { }

    FieldReader &optional()
    {
        m_optional = true;
        return *this;
    }

    /// A non-negative integer: ids, sequence numbers, counts, timestamps.
    FieldReader &id(QLatin1StringView key, qint64 &out);
    FieldReader &integer(QLatin1StringView key, qint64 &out, qint64 min, qint64 max);
    FieldReader &integer(QLatin1StringView key, int &out, int min, int max);
    FieldReader &boolean(QLatin1StringView key, bool &out);
    /// Text of at most maxChars characters (UTF-16 code units).
    FieldReader &text(QLatin1StringView key, QString &out, qsizetype maxChars);
    FieldReader &bytes(QLatin1StringView key, QByteArray &out, qsizetype maxBytes,
                       ErrorCode tooLong = ErrorCode::LimitExceeded);
    FieldReader &idList(QLatin1StringView key, QList<qint64> &out, qsizetype maxItems);

    /// A nested map read by T::fromCbor.
    template<typename T>
    FieldReader &object(QLatin1StringView key, T &out)
    {
        QCborMap map;
        if (!mapField(key, map))
            return *this;
        auto value = T::fromCbor(map);
        if (!value)
            fail(value.error().code, fieldName(key) + QStringLiteral(": ") + value.error().message);
        else
            out = std::move(value).value();
        return *this;
    }

    template<typename T>
    FieldReader &object(QLatin1StringView key, std::optional<T> &out)
    {
        if (isAbsent(key))
            return skipOptional();
        T value;
        object(key, value);
        if (!m_failed)
            out = std::move(value);
        return *this;
    }

    /// An array of maps, each read by T::fromCbor.
    template<typename T>
    FieldReader &list(QLatin1StringView key, QList<T> &out, qsizetype maxItems)
    {
        QCborArray array;
        if (!arrayField(key, array, maxItems))
            return *this;
        out.clear();
        out.reserve(array.size());
        for (const QCborValue &item : array) {
            if (!item.isMap()) {
                fail(ErrorCode::InvalidField, fieldName(key) + QStringLiteral(": items must be maps"));
                return *this;
            }
            auto value = T::fromCbor(item.toMap());
            if (!value) {
                fail(value.error().code, fieldName(key) + QStringLiteral(": ") + value.error().message);
                return *this;
            }
            out.append(std::move(value).value());
        }
        return *this;
    }

    bool hasFailed() const { return m_failed; }
    const Error &error() const { return m_error; }

    /// Fails with an InvalidArgument-style error from a frame's own semantic checks.
    void fail(ErrorCode code, QString message);

    template<typename T>
    Result<T> finish(T value) const
    {
        if (m_failed)
            return m_error;
        return value;
    }

private:
    bool isAbsent(QLatin1StringView key) const;
    FieldReader &skipOptional()
    {
        m_optional = false;
        return *this;
    }
    /// Looks up a field; false (and a failure unless optional) when it is absent.
    bool lookup(QLatin1StringView key, QCborValue &out);
    bool mapField(QLatin1StringView key, QCborMap &out);
    bool arrayField(QLatin1StringView key, QCborArray &out, qsizetype maxItems);
    static QString fieldName(QLatin1StringView key);

    const QCborMap &m_map;
    bool m_optional = false;
    bool m_failed = false;
    Error m_error;
};

} // namespace Parley
