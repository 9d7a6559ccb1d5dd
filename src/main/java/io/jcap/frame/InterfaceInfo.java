package io.jcap.frame;

/**
 * What a capture knows about an interface.
 *
 * @param linkType   LINKTYPE_* value
 * @param snapLength 0 when unknown/unlimited
 * @param name       interface name, or null
 * @param precision  decimal digits of its time stamps
 */
public record InterfaceInfo(int linkType, int snapLength, String name, int precision) {
}
