import QtQuick
import QtQuick.Controls

// A flat round button showing one Icon, with a tooltip that is also its accessible name.
ToolButton {
    id: button

    property string iconName
    property color iconColor: Theme.secondaryText
    property string toolTipText

    implicitWidth: 36
    implicitHeight: 36
    padding: 0
    focusPolicy: Qt.StrongFocus
    display: AbstractButton.IconOnly
    text: toolTipText

    Accessible.name: toolTipText
    ToolTip.visible: hovered && toolTipText.length > 0
    ToolTip.delay: 600
    ToolTip.text: toolTipText

    contentItem: Item {
        Icon {
            anchors.centerIn: parent
            width: Theme.iconSize
            height: Theme.iconSize
            name: button.iconName
            color: button.enabled ? button.iconColor : Theme.divider
        }
    }
}
