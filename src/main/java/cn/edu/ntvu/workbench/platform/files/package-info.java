/**
 * What the micro-apps share about uploaded files: recognising them by content ({@link
 * FileSignature}), reading an image's size before decoding it ({@link ImageHeader}), sending them
 * back safely ({@link StoredFileResponse}), the daily quota per person ({@link UploadQuota}) and
 * removing uploads no accepted submit claimed ({@link UploadCleanup}).
 */
package cn.edu.ntvu.workbench.platform.files;
