#include "Phrases.h"

#include <QtCore/QStringList>

namespace Parley {

using namespace Qt::StringLiterals;

QString phrase(int n)
{
    static const QStringList words = {u"lunch"_s,   u"deploy"_s, u"review"_s, u"tomorrow"_s,
                                      u"meeting"_s, u"draft"_s,  u"thanks"_s, u"budget"_s,
                                      u"slides"_s,  u"fixed"_s,  u"call"_s,   u"ticket"_s};
    QString text;
    const int length = 3 + n % 17;
    for (int i = 0; i < length; ++i)
        text += (i ? u" "_s : QString()) + words.at((n * 7 + i * 5) % words.size());
    return text + u" (%1)"_s.arg(n);
}

} // namespace Parley
