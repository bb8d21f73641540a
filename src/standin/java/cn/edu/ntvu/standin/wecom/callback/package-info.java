/**
 * WeCom's servers calling the app's callback URL ({@code <app.public-base-url>/wecom/callback}): a
 * message or event encrypted and signed with the callback's Token and EncodingAESKey as WeCom does
 * it (wecom-api-notes §4), and the test control {@code POST /_callback} that makes the stand-in
 * send one (e.g. a click on a card's button).
 */
package cn.edu.ntvu.standin.wecom.callback;
