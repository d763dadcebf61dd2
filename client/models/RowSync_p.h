#pragma once

/// Turns a list model's rows into a new list with the fewest precise signals: removals,
/// moves, insertions and dataChanged with only the roles that changed, never a reset.

#include <QtCore/QAbstractItemModel>
#include <QtCore/QList>

#include <functional>

namespace Parley {

/// The protected QAbstractItemModel calls a model hands to syncRows().
struct RowSignals
{
    std::function<void(int first, int last)> beginRemove;
    std::function<void()> endRemove;
    std::function<void(int first, int last)> beginInsert;
    std::function<void()> endInsert;
    std::function<void(int from, int to)> beginMove; ///< `to` as for beginMoveRows
    std::function<void()> endMove;
    std::function<void(int row, const QList<int> &roles)> changed;
};

/// `key(row)` identifies a row; `changedRoles(old, new)` lists the roles that differ.
template<typename Row, typename Key, typename Roles>
void syncRows(QList<Row> &rows, const QList<Row> &next, Key key, Roles changedRoles,
              const RowSignals &signals_)
{
    // 1. Remove rows that are gone (from the end, so indexes stay valid).
    for (int i = int(rows.size()) - 1; i >= 0; --i) {
        const auto k = key(rows.at(i));
        const bool kept =
                std::any_of(next.cbegin(), next.cend(), [&](const Row &r) { return key(r) == k; });
        if (!kept) {
            signals_.beginRemove(i, i);
            rows.removeAt(i);
            signals_.endRemove();
        }
    }
    // 2. Walk the new order: move existing rows up, insert new ones, update changed ones.
    for (int i = 0; i < int(next.size()); ++i) {
        const auto k = key(next.at(i));
        int found = -1;
        for (int j = i; j < int(rows.size()); ++j) {
            if (key(rows.at(j)) == k) {
                found = j;
                break;
            }
        }
        if (found < 0) {
            signals_.beginInsert(i, i);
            rows.insert(i, next.at(i));
            signals_.endInsert();
            continue;
        }
        if (found != i) {
            signals_.beginMove(found, i);
            rows.move(found, i);
            signals_.endMove();
        }
        const QList<int> roles = changedRoles(rows.at(i), next.at(i));
        rows[i] = next.at(i); // also when nothing shown changed
        if (!roles.isEmpty())
            signals_.changed(i, roles);
    }
}

} // namespace Parley
