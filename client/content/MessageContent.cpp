#include "MessageContent.h"

#include "content/ProfilePicture.h"
#include "protocol/CborPreflight.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QCoreApplication>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// A seq field: a positive integer, or 0 when absent or anything else.
qint64 seqField(const QCborMap &map, QLatin1StringView key)
{
    const QCborValue value = map.value(key);
    return value.isInteger() && value.toInteger() > 0 ? value.toInteger() : 0;
}

/// Positive ids, each once, in the order given.
QList<qint64> uniqueIds(const QList<qint64> &ids)
{
    QList<qint64> unique;
    for (const qint64 id : ids) {
        if (id > 0 && !unique.contains(id))
            unique.append(id);
    }
    return unique;
}

/// The `mentions` field: an array of at most MaxMentions positive integers. Anything else is
/// ignored as a whole (the text still shows, without highlighted mentions).
QList<qint64> mentionsField(const QCborMap &map)
{
    const QCborValue value = map.value("mentions"_L1);
    if (!value.isArray())
        return {};
    const QCborArray array = value.toArray();
    if (array.size() > MessageContent::MaxMentions)
        return {};
    QList<qint64> ids;
    for (const QCborValue &id : array) {
        if (!id.isInteger() || id.toInteger() <= 0)
            return {};
        ids.append(id.toInteger());
    }
    return uniqueIds(ids);
}

} // namespace

MessageContent MessageContent::withMentions(const QList<qint64> &userIds) const
{
    MessageContent c = *this;
    if (m_type == Type::Text)
        c.m_mentions = uniqueIds(userIds).mid(0, MaxMentions);
    return c;
}

bool MessageContent::isValidEmoji(const QString &emoji)
{
    if (emoji.isEmpty() || emoji.toUtf8().size() > MaxEmojiBytes)
        return false;
    for (const QChar c : emoji) {
        if (c.category() == QChar::Other_Control || c.isSpace())
            return false;
    }
    return true;
}

MessageContent MessageContent::text(QString text, qint64 replyTo)
{
    MessageContent c;
    c.m_type = Type::Text;
    c.m_typeName = u"text"_s;
    c.m_text = std::move(text);
    c.m_target = std::max<qint64>(0, replyTo);
    return c;
}

MessageContent MessageContent::file(AttachmentRef attachment, QString name, QString mime,
                                    QString caption, ImagePreview image)
{
    MessageContent c;
    c.m_type = Type::File;
    c.m_typeName = u"file"_s;
    c.m_attachment = std::move(attachment);
    c.m_fileName = std::move(name);
    c.m_mime = std::move(mime);
    c.m_text = std::move(caption);
    c.m_image = std::move(image);
    return c;
}

MessageContent MessageContent::withCaption(QString caption) const
{
    MessageContent c = *this;
    c.m_text = std::move(caption);
    return c;
}

MessageContent MessageContent::withoutImage() const
{
    MessageContent c = *this;
    c.m_image = {};
    return c;
}

MessageContent MessageContent::reaction(qint64 target, QString emoji, bool removed)
{
    MessageContent c;
    c.m_type = Type::Reaction;
    c.m_typeName = u"reaction"_s;
    c.m_target = target;
    c.m_emoji = std::move(emoji);
    c.m_removed = removed;
    return c;
}

MessageContent MessageContent::edit(qint64 target, QString text)
{
    MessageContent c;
    c.m_type = Type::Edit;
    c.m_typeName = u"edit"_s;
    c.m_target = target;
    c.m_text = std::move(text);
    return c;
}

MessageContent MessageContent::deletion(qint64 target)
{
    MessageContent c;
    c.m_type = Type::Delete;
    c.m_typeName = u"delete"_s;
    c.m_target = target;
    return c;
}

MessageContent MessageContent::profile(QString displayName, QByteArray picture, qint64 version)
{
    MessageContent c;
    c.m_type = Type::Profile;
    c.m_typeName = u"profile"_s;
    c.m_text = displayName.trimmed().left(MaxDisplayNameLength);
    c.m_picture = ProfilePicture::isWellFormed(picture) ? std::move(picture) : QByteArray();
    c.m_target = std::max<qint64>(0, version);
    return c;
}

Result<MessageContent> MessageContent::fromBytes(const QByteArray &bytes)
{
    if (bytes.size() > MaxBytes)
        return Error{ErrorCode::BodyTooLarge, u"message content is too large"_s};
    if (!cborLengthsFit(bytes))
        return Error{ErrorCode::MalformedFrame, u"message content is not a CBOR map"_s};
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
        // A damaged quote must not hide the text: the reply shows without it.
        c.m_target = seqField(map, "replyTo"_L1);
        // Likewise damaged mentions: the text shows without highlights.
        c.m_mentions = mentionsField(map);
        return c;
    }
    if (c.m_typeName == "file"_L1) {
        const QCborValue file = map.value("file"_L1);
        const QCborValue name = map.value("name"_L1);
        const QCborValue mime = map.value("mime"_L1);
        const QCborValue caption = map.value("text"_L1);
        if (!file.isMap() || !name.isString() || name.toString().isEmpty()
            || (!mime.isUndefined() && !mime.isString())
            || (!caption.isUndefined() && !caption.isString()))
            return Error{ErrorCode::InvalidField, u"file content without a valid file"_s};
        auto ref = AttachmentRef::fromCbor(file.toMap());
        if (!ref)
            return ref.error();
        c.m_type = Type::File;
        c.m_attachment = *ref;
        // Only the last path component: a name never chooses a folder.
        c.m_fileName = name.toString().section(u'/', -1).section(u'\\', -1);
        c.m_mime = mime.toString();
        c.m_text = caption.toString();
        // A damaged preview must not hide the file: it shows as a plain file.
        if (const auto image = ImagePreview::fromCbor(map.value("image"_L1)))
            c.m_image = *image;
        if (c.m_fileName.isEmpty() || c.m_fileName == "."_L1 || c.m_fileName == ".."_L1)
            return Error{ErrorCode::InvalidField, u"file content without a valid name"_s};
        return c;
    }
    if (c.m_typeName == "profile"_L1) {
        const QCborValue name = map.value("name"_L1);
        const qint64 version = seqField(map, "version"_L1);
        if ((!name.isUndefined() && !name.isString()) || version == 0)
            return Error{ErrorCode::InvalidField, u"profile content without a valid version"_s};
        const QString trimmed = name.toString().trimmed();
        if (trimmed.size() > MaxDisplayNameLength)
            return Error{ErrorCode::InvalidField, u"profile content with too long a name"_s};
        c.m_type = Type::Profile;
        c.m_text = trimmed;
        c.m_target = version;
        // A damaged picture must not hide the name: the profile counts without it.
        const QCborValue picture = map.value("picture"_L1);
        if (picture.isByteArray() && ProfilePicture::isWellFormed(picture.toByteArray()))
            c.m_picture = picture.toByteArray();
        return c;
    }
    if (c.m_typeName != "reaction"_L1 && c.m_typeName != "edit"_L1 && c.m_typeName != "delete"_L1)
        return c; // Unknown: kept, shown as a placeholder
    c.m_target = seqField(map, "target"_L1);
    if (c.m_target == 0)
        return Error{ErrorCode::InvalidField, u"%1 content without a target"_s.arg(c.m_typeName)};
    if (c.m_typeName == "reaction"_L1) {
        const QCborValue emoji = map.value("emoji"_L1);
        if (!emoji.isString() || !isValidEmoji(emoji.toString()))
            return Error{ErrorCode::InvalidField, u"reaction content without a valid emoji"_s};
        const QCborValue removed = map.value("removed"_L1);
        if (!removed.isUndefined() && !removed.isBool())
            return Error{ErrorCode::InvalidField, u"reaction content with a bad removed flag"_s};
        c.m_type = Type::Reaction;
        c.m_emoji = emoji.toString();
        c.m_removed = removed.isTrue();
    } else if (c.m_typeName == "edit"_L1) {
        const QCborValue text = map.value("text"_L1);
        if (!text.isString() || text.toString().trimmed().isEmpty())
            return Error{ErrorCode::InvalidField, u"edit content without text"_s};
        c.m_type = Type::Edit;
        c.m_text = text.toString();
    } else {
        c.m_type = Type::Delete;
    }
    return c;
}

QByteArray MessageContent::toBytes() const
{
    QCborMap map{{"type"_L1, m_typeName}};
    switch (m_type) {
    case Type::Text:
        map.insert("text"_L1, m_text);
        if (m_target > 0)
            map.insert("replyTo"_L1, m_target);
        if (!m_mentions.isEmpty()) {
            QCborArray ids;
            for (const qint64 id : m_mentions)
                ids.append(id);
            map.insert("mentions"_L1, ids);
        }
        break;
    case Type::File:
        map.insert("file"_L1, m_attachment.toCbor());
        map.insert("name"_L1, m_fileName);
        if (!m_mime.isEmpty())
            map.insert("mime"_L1, m_mime);
        if (!m_text.isEmpty())
            map.insert("text"_L1, m_text);
        if (!m_image.isNull())
            map.insert("image"_L1, m_image.toCbor());
        break;
    case Type::Reaction:
        map.insert("target"_L1, m_target);
        map.insert("emoji"_L1, m_emoji);
        if (m_removed)
            map.insert("removed"_L1, true);
        break;
    case Type::Edit:
        map.insert("target"_L1, m_target);
        map.insert("text"_L1, m_text);
        break;
    case Type::Delete:
        map.insert("target"_L1, m_target);
        break;
    case Type::Profile:
        map.insert("name"_L1, m_text);
        if (!m_picture.isEmpty())
            map.insert("picture"_L1, m_picture);
        map.insert("version"_L1, m_target);
        break;
    case Type::Unknown:
        break;
    }
    return map.toCborValue().toCbor();
}

QString MessageContent::previewText() const
{
    if (m_type == Type::Text)
        return m_text;
    if (m_type == Type::File) // the name on the first line: quotes and lists show only that
        return m_text.isEmpty() ? QString(u"📎 "_s + m_fileName)
                                : QString(u"📎 "_s + m_fileName + u'\n' + m_text);
    if (isHiddenEntry())
        return {};
    return QCoreApplication::translate("Parley::MessageContent",
                                       "(a message this version cannot show)");
}

} // namespace Parley
