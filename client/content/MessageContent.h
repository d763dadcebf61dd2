#pragma once

/// What a message says, before encryption: one CBOR map with a `type` (docs/client-api.md,
/// "Message content").
///
/// The content travels inside the end-to-end encrypted body, so everything the server must not
/// see is here: `text` (with an optional `replyTo` seq and `mentions`, the user ids its
/// "@username" words name), and the annotations `reaction`, `edit`
/// and `delete`, which change an earlier entry of the same conversation (`target` seq) instead
/// of showing as a row, and `profile`, the sender's display name and picture (never a row
/// either: it changes how the sender is named, Profiles). Readers ignore fields they do not know and keep types they do not know
/// as Unknown; a new type (e.g. `file`) is one more Type, factory, reader branch and writer
/// branch here.

#include "attachments/AttachmentRef.h"
#include "content/ImagePreview.h"
#include "protocol/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Parley {

class MessageContent
{
public:
    enum class Type { Text, File, Reaction, Edit, Delete, Profile, Unknown };

    /// Content larger than this is refused before it is parsed (the body limit is 64 KiB).
    static constexpr qsizetype MaxBytes = 60 * 1024;
    /// A reaction is one emoji (possibly several code points: flags, skin tones, ZWJ).
    static constexpr qsizetype MaxEmojiBytes = 32;
    /// More mentions than this in one message are not read (a group has fewer members).
    static constexpr qsizetype MaxMentions = 256;
    /// Whether `emoji` may be a reaction: 1 to MaxEmojiBytes UTF-8 bytes, no spaces or controls.
    static bool isValidEmoji(const QString &emoji);
    /// A display name has at most this many characters (after trimming).
    static constexpr qsizetype MaxDisplayNameLength = 64;

    /// A text message; `replyTo` > 0 quotes an earlier entry of the conversation.
    static MessageContent text(QString text, qint64 replyTo = 0);
    /// A file: where the encrypted upload is and its key (`attachment`), the file's name and
    /// MIME type as the sender had them, an optional caption (text()) and, for an image, its
    /// thumbnail and size (image()).
    static MessageContent file(AttachmentRef attachment, QString name, QString mime,
                               QString caption = {}, ImagePreview image = {});
    /// Adds (or with `removed`, takes back) the sender's `emoji` on entry `target`.
    static MessageContent reaction(qint64 target, QString emoji, bool removed = false);
    /// Replaces the text of the sender's own entry `target`.
    static MessageContent edit(qint64 target, QString text);
    /// Deletes the sender's own entry `target` for everyone.
    static MessageContent deletion(qint64 target);
    /// The sender's profile as of `version` (ms since the epoch; the newest wins): a display
    /// name (trimmed; empty: none) and a picture (ProfilePicture JPEG; empty: none).
    static MessageContent profile(QString displayName, QByteArray picture, qint64 version);

    /// Reads content; unknown types give Type::Unknown (shown as "unsupported message").
    /// Refuses what is not a map, oversized input, and annotations without a valid target.
    static Result<MessageContent> fromBytes(const QByteArray &bytes);
    QByteArray toBytes() const;

    Type type() const { return m_type; }
    /// A file's attachment, name and MIME type (empty for other types).
    AttachmentRef attachment() const { return m_attachment; }
    QString fileName() const { return m_fileName; }
    QString mimeType() const { return m_mime; }
    /// An image file's thumbnail and size; null for other files and other types, and when the
    /// sender gave none or a malformed one (the file then shows as a plain file).
    ImagePreview image() const { return m_image; }
    /// The same file message with another caption (an edit), its image kept.
    MessageContent withCaption(QString caption) const;
    /// A profile's display name, picture (JPEG within ProfilePicture's bounds, empty when none
    /// or when the sender's was malformed) and version; empty/0 for other types.
    QString displayName() const { return m_type == Type::Profile ? m_text : QString(); }
    QByteArray picture() const { return m_picture; }
    qint64 profileVersion() const { return m_type == Type::Profile ? m_target : 0; }
    /// The same without its image preview (when the preview would not fit in MaxBytes).
    MessageContent withoutImage() const;
    /// The users a text message mentions (user ids, each once); empty for other types, and
    /// when the sender gave none or a malformed list.
    QList<qint64> mentions() const { return m_mentions; }
    /// The same text message mentioning `userIds` (non-positive ids and repeats left out).
    MessageContent withMentions(const QList<qint64> &userIds) const;
    /// Text of a text message, the caption of a file, or the new text of an edit.
    QString text() const { return m_text; }
    /// The entry a text message replies to (0: none).
    qint64 replyTo() const { return m_type == Type::Text ? m_target : 0; }
    /// The entry a reaction, edit or delete applies to (0 for other types).
    qint64 target() const { return isAnnotation() ? m_target : 0; }
    QString emoji() const { return m_emoji; }
    /// A reaction taken back.
    bool isRemoved() const { return m_removed; }
    /// Reactions, edits and deletes change another entry and are not shown as rows.
    bool isAnnotation() const
    {
        return m_type == Type::Reaction || m_type == Type::Edit || m_type == Type::Delete;
    }
    /// Annotations and profiles are kept as hidden entries, never shown as rows.
    bool isHiddenEntry() const { return isAnnotation() || m_type == Type::Profile; }
    /// What a list shows for it (and what search finds): the text; for a file "📎 name" and
    /// the caption on the next line; a placeholder for types this version lacks; empty for
    /// annotations and profiles (they are never shown on their own).
    QString previewText() const;

    friend bool operator==(const MessageContent &, const MessageContent &) = default;

private:
    Type m_type = Type::Unknown;
    QString m_typeName;
    QString m_text;
    QString m_emoji;
    qint64 m_target = 0; ///< replyTo of a text, target of an annotation, a profile's version
    bool m_removed = false;
    AttachmentRef m_attachment;
    QString m_fileName;
    QString m_mime;
    ImagePreview m_image;
    QByteArray m_picture;
    QList<qint64> m_mentions;
};

} // namespace Parley
