#include "FieldReader.h"

namespace Parley {

using namespace Qt::StringLiterals;

void FieldReader::fail(ErrorCode code, QString message)
{
    if (m_failed)
        return;
    m_failed = true;
    m_error = {code, std::move(message)};
}

QString FieldReader::fieldName(QLatin1StringView key)
{
    return u"field \""_s + key + u'"';
}

bool FieldReader::isAbsent(QLatin1StringView key) const
{
    const QCborValue v = m_map.value(key);
    return v.isUndefined() || v.isNull();
}

bool FieldReader::lookup(QLatin1StringView key, QCborValue &out)
{
    const bool optional = std::exchange(m_optional, false);
    if (m_failed)
        return false;
    out = m_map.value(key);
    if (out.isUndefined() || out.isNull()) {
        if (!optional)
            fail(ErrorCode::InvalidField, fieldName(key) + u" is missing"_s);
        return false;
    }
    return true;
}

FieldReader &FieldReader::id(QLatin1StringView key, qint64 &out)
{
    return integer(key, out, 0, std::numeric_limits<qint64>::max());
}

FieldReader &FieldReader::integer(QLatin1StringView key, qint64 &out, qint64 min, qint64 max)
{
    QCborValue v;
    if (!lookup(key, v))
        return *this;
    if (!v.isInteger()) {
        fail(ErrorCode::InvalidField, fieldName(key) + u" must be an integer"_s);
        return *this;
    }
    const qint64 n = v.toInteger();
    if (n < min || n > max) {
        fail(ErrorCode::InvalidField, fieldName(key) + u" is out of range"_s);
        return *this;
    }
    out = n;
    return *this;
}

FieldReader &FieldReader::integer(QLatin1StringView key, int &out, int min, int max)
{
    qint64 wide = out;
    integer(key, wide, min, max);
    out = int(wide);
    return *this;
}

FieldReader &FieldReader::boolean(QLatin1StringView key, bool &out)
{
    QCborValue v;
    if (!lookup(key, v))
        return *this;
    if (!v.isBool()) {
        fail(ErrorCode::InvalidField, fieldName(key) + u" must be a boolean"_s);
        return *this;
    }
    out = v.toBool();
    return *this;
}

FieldReader &FieldReader::text(QLatin1StringView key, QString &out, qsizetype maxChars)
{
    QCborValue v;
    if (!lookup(key, v))
        return *this;
    if (!v.isString()) {
        fail(ErrorCode::InvalidField, fieldName(key) + u" must be text"_s);
        return *this;
    }
    QString s = v.toString();
    if (s.size() > maxChars) {
        fail(ErrorCode::LimitExceeded,
             fieldName(key) + u" is longer than %1 characters"_s.arg(maxChars));
        return *this;
    }
    out = std::move(s);
    return *this;
}

FieldReader &FieldReader::bytes(QLatin1StringView key, QByteArray &out, qsizetype maxBytes,
                                ErrorCode tooLong)
{
    QCborValue v;
    if (!lookup(key, v))
        return *this;
    if (!v.isByteArray()) {
        fail(ErrorCode::InvalidField, fieldName(key) + u" must be a byte string"_s);
        return *this;
    }
    QByteArray b = v.toByteArray();
    if (b.size() > maxBytes) {
        fail(tooLong, fieldName(key) + u" is longer than %1 bytes"_s.arg(maxBytes));
        return *this;
    }
    out = std::move(b);
    return *this;
}

bool FieldReader::mapField(QLatin1StringView key, QCborMap &out)
{
    QCborValue v;
    if (!lookup(key, v))
        return false;
    if (!v.isMap()) {
        fail(ErrorCode::InvalidField, fieldName(key) + u" must be a map"_s);
        return false;
    }
    out = v.toMap();
    return true;
}

bool FieldReader::arrayField(QLatin1StringView key, QCborArray &out, qsizetype maxItems)
{
    QCborValue v;
    if (!lookup(key, v))
        return false;
    if (!v.isArray()) {
        fail(ErrorCode::InvalidField, fieldName(key) + u" must be an array"_s);
        return false;
    }
    out = v.toArray();
    if (out.size() > maxItems) {
        fail(ErrorCode::TooManyItems, fieldName(key) + u" has more than %1 items"_s.arg(maxItems));
        return false;
    }
    return true;
}

FieldReader &FieldReader::idList(QLatin1StringView key, QList<qint64> &out, qsizetype maxItems)
{
    QCborArray array;
    if (!arrayField(key, array, maxItems))
        return *this;
    out.clear();
    out.reserve(array.size());
    for (const QCborValue &item : array) {
        if (!item.isInteger() || item.toInteger() < 0) {
            fail(ErrorCode::InvalidField,
                 fieldName(key) + u": items must be non-negative integers"_s);
            return *this;
        }
        out.append(item.toInteger());
    }
    return *this;
}

} // namespace Parley
