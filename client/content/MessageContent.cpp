#include "MessageContent.h"

#include "protocol/Limits.h"

#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QCoreApplication>

namespace Parley {

using namespace Qt::StringLiterals;

MessageContent MessageContent::text(QString text)
{
    MessageContent c;
    c.m_type = Type::Text;
    c.m_typeName = u"text"_s;
    c.m_text = std::move(text);
    return c;
}

Result<MessageContent> MessageContent::fromBytes(const QByteArray &bytes)
{
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(bytes, &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return Error{ErrorCode::MalformedFrame, u"message content is not a CBOR map"_s};
    const QCborMap map = value.toMap();
    const QCborValue type = map.value("type"_L1);
    if (!type.isString())
        return Error{ErrorCode::InvalidField, u"message content has no type"_s};
    MessageContent c;
    c.m_typeName = type.toString();
    if (c.m_typeName == "text"_L1) {
        const QCborValue text = map.value("text"_L1);
        if (!text.isString())
            return Error{ErrorCode::InvalidField, u"text content without text"_s};
        c.m_type = Type::Text;
        c.m_text = text.toString();
    }
    return c;
}

QByteArray MessageContent::toBytes() const
{
    QCborMap map{{"type"_L1, m_typeName}};
    if (m_type == Type::Text)
        map.insert("text"_L1, m_text);
    return map.toCborValue().toCbor();
}

QString MessageContent::previewText() const
{
    if (m_type == Type::Text)
        return m_text;
    return QCoreApplication::translate("Parley::MessageContent",
                                       "(a message this version cannot show)");
}

} // namespace Parley
