#include "Draft.h"

#include "store/MessageStore.h"

namespace Parley {

using namespace Qt::StringLiterals;

Draft::Draft(qint64 conversationId, MessageStore *store, QObject *parent)
    : QObject(parent),
      m_conversationId(conversationId),
      m_store(store)
{
    m_store->setting(key()).then(this, [this](const QVariant &value) {
        const QString stored = value.toString();
        if (m_edited || stored.isEmpty())
            return;
        m_text = stored;
        Q_EMIT changed();
    });
}

void Draft::setText(const QString &text)
{
    m_edited = true;
    if (text == m_text)
        return;
    m_text = text;
    if (text.trimmed().isEmpty())
        m_store->removeSetting(key());
    else
        m_store->setSetting(key(), text);
    Q_EMIT changed();
}

QString Draft::key() const
{
    return u"draft/"_s + QString::number(m_conversationId);
}

} // namespace Parley
