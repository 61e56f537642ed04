import HTTPTypes
import Platform

/// The problems the billing context answers with, each with a stable code.
public enum BillingProblem {
    public static let billNotFound = Problem.notFound(code: "bill_not_found", zh: "找不到该账单。", en: "No such bill.")
    public static let paymentNotFound = Problem.notFound(
        code: "payment_not_found", zh: "找不到该支付记录。", en: "No such payment.")
    public static let alreadyPaid = Problem(
        .conflict, code: "bill_already_paid", zh: "该账单已缴清，无需再次支付。", en: "This bill has already been paid.")
    public static let paymentInProgress = Problem(
        .conflict, code: "payment_in_progress", zh: "该账单正在支付中，请稍候查看结果。",
        en: "A payment of this bill is in progress; check back for the result.")
    public static let billRefunded = Problem(
        .conflict, code: "bill_refunded", zh: "该账单已退款，不能再支付。", en: "This bill has been refunded; it cannot be paid.")
    public static let amountMismatch = Problem(
        .conflict, code: "amount_mismatch", zh: "支付金额与账单金额不符，请刷新后重试。",
        en: "The amount does not match the bill; reload it and try again.")
    public static let notRefundable = Problem(
        .conflict, code: "payment_not_refundable", zh: "只有已成功且未退款的支付可以退款。",
        en: "Only a succeeded payment that has not been refunded can be refunded.")
    public static let notInRegister = Problem(
        .forbidden, code: "register_match_required", zh: "请先完成实名核验（与户籍登记一致）后再查看和缴纳账单。",
        en: "Verify your real name against the household register first to see and pay bills.")
    public static let referenceTaken = Problem(
        .conflict, code: "bill_reference_taken", zh: "本部门已用该编号出具过账单。",
        en: "Your department has already issued a bill with this reference.", extensions: ["field": "reference"])
    public static let invalidSignature = Problem(
        .unauthorized, code: "invalid_signature", zh: "回调签名无效。", en: "The callback signature is invalid.")
    public static let unknownPayment = Problem(
        .unprocessableContent, code: "unknown_payment", zh: "回调所指的支付不存在。",
        en: "The callback names a payment that does not exist.")
    public static let callbackAmount = Problem(
        .unprocessableContent, code: "callback_amount_mismatch", zh: "回调金额与支付金额不符。",
        en: "The callback amount differs from the payment's.")
    public static let invalidReason = Problem(
        .badRequest, code: "invalid_field", zh: "退款原因必须是 1–200 个字符。",
        en: "The refund reason must have 1–200 characters.",
        extensions: ["field": "reason"])
}
