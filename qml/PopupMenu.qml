import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Parley

// Parley's context and overflow menus: rounded, with a border instead of Material's shadow
// (a shader effect that the software renderer cannot draw).
Menu {
    Material.background: Theme.surface
    Material.elevation: 0

    background: Rectangle {
        implicitWidth: 220
        implicitHeight: 40
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.divider
    }
}
