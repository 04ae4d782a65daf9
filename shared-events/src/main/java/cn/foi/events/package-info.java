/**
 * The event contract shared by the command side and the query side.
 *
 * <p>Records and value types only: no Spring, no JPA, no behaviour beyond reading a label. Stored events are never
 * changed, so a class here is never moved or renamed; a change of shape raises the {@code @Revision} and comes with an
 * upcaster on the reading side.
 */
package cn.foi.events;
