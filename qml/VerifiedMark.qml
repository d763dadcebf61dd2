import QtQuick
import QtQuick.Controls
import Parley

// The small shield with a check beside the name of a contact I marked as verified (compared
// safety numbers with); says so in words to screen readers and in a tooltip.
Item {
    id: mark

    // Whose mark it is, for the words.
    property string name

    implicitWidth: 16
    implicitHeight: 16
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("%1 is verified").arg(mark.name)

    Icon {
        anchors.fill: parent
        name: "shield"
        color: Theme.online
        strokeWidth: 2
    }

    Icon {
        anchors.centerIn: parent
        width: 10
        height: 10
        name: "check"
        color: Theme.online
        strokeWidth: 3
    }

    HoverHandler {
        id: hover
    }

    ToolTip.visible: hover.hovered
    ToolTip.text: qsTr("Verified: you compared safety numbers with %1").arg(mark.name)
}
