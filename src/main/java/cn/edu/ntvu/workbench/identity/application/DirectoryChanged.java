package cn.edu.ntvu.workbench.identity.application;

/**
 * Fired in the transaction that changes people, classes, departments or role grants, so that this
 * server forgets what it cached about them as soon as the change commits ({@link Authorities}).
 * Other servers learn of the change through the database's {@code directory_stamp}, which triggers
 * bump on every such write.
 */
public record DirectoryChanged() {}
