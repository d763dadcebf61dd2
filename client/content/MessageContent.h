#pragma once

/// What a message says, before encryption: a CBOR map `{"type": "text", "text": …}`.
///
/// The content travels inside the (later end-to-end encrypted) body, so everything the server
/// must not see goes here: replies, reactions, edits, deletes and attachment keys are future
/// `type`s or optional fields; readers ignore fields they do not know.

#include "protocol/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace Parley {

class MessageContent
{
public:
    enum class Type { Text, Unknown };

    static MessageContent text(QString text);

    /// Reads content; unknown types give Type::Unknown (shown as "unsupported message").
    static Result<MessageContent> fromBytes(const QByteArray &bytes);
    QByteArray toBytes() const;

    Type type() const { return m_type; }
    QString text() const { return m_text; }
    /// What a list shows for it: the text, or a placeholder for types this version lacks.
    QString previewText() const;

    friend bool operator==(const MessageContent &, const MessageContent &) = default;

private:
    Type m_type = Type::Unknown;
    QString m_typeName;
    QString m_text;
};

} // namespace Parley
