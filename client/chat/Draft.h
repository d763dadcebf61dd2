#pragma once

/// What the user is writing in one conversation and has not sent: kept in the cache (the
/// setting "draft/<conversation id>"), so it survives switching chats and restarting; logging
/// out forgets it with the rest of the account's data.

#include <QtCore/QObject>
#include <QtCore/QString>

namespace Parley {

class MessageStore;

class Draft : public QObject
{
    Q_OBJECT

public:
    /// Reads the stored draft; changed() follows if there is one.
    Draft(qint64 conversationId, MessageStore *store, QObject *parent = nullptr);

    QString text() const { return m_text; }
    /// Keeps `text` (a blank one is not stored: the draft is gone after a restart).
    void setText(const QString &text);

Q_SIGNALS:
    void changed();

private:
    QString key() const;

    qint64 m_conversationId;
    MessageStore *m_store;
    QString m_text;
    bool m_edited = false; ///< set before the stored draft was read: the stored one is older
};

} // namespace Parley
