<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../reader/ui/about.py" line="70"/>
        <source>About ocr-reader</source>
        <translation>关于 ocr-reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="76"/>
        <source>Data (annotations, corrections, library)</source>
        <translation>数据（批注、更正、资料库）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="77"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="78"/>
        <source>Cache</source>
        <translation>缓存</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="87"/>
        <source>A reader for the OCR text of newspaper pages: it reflows the lines into paragraphs, splits the page into articles, and keeps your highlights, tags and notes.</source>
        <translation>报纸版面 OCR 文字的阅读器：把断行重新连成段落，把版面分成文章，并保存你的高亮、标签和笔记。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="91"/>
        <source>Licence: %1</source>
        <translation>许可证：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="92"/>
        <source>Its files are kept in these folders:</source>
        <translation>它的文件保存在这些文件夹中：</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../reader/ui/actions.py" line="88"/>
        <source>Photo &amp;Caption</source>
        <translation>图片说明(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="55"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="56"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="57"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="58"/>
        <source>&amp;Correct</source>
        <translation>更正(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="59"/>
        <source>&amp;Annotate</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="60"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="61"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="64"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="65"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="66"/>
        <source>Text &amp;Width</source>
        <translation>版心宽度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="68"/>
        <source>Block &amp;Kind</source>
        <translation>段落类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="113"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="116"/>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="124"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="132"/>
        <source>Export Page with &amp;Highlights…</source>
        <translation>导出带高亮的版面(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="138"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="148"/>
        <source>Copy with &amp;Citation</source>
        <translation>带出处复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="156"/>
        <source>Citation &amp;Template…</source>
        <translation>出处模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="162"/>
        <source>&amp;Search Library…</source>
        <translation>搜索资料库(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="170"/>
        <source>Add Word to &amp;Dictionary…</source>
        <translation>添加词语到词典(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="176"/>
        <source>&amp;Find in Page…</source>
        <translation>页内查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="190"/>
        <source>&amp;Source View</source>
        <translation>原文对照(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="205"/>
        <source>Show Automatic &amp;Decisions</source>
        <translation>显示自动判断(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="212"/>
        <source>F&amp;ull Screen</source>
        <translation>全屏(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="221"/>
        <source>&amp;Reading Mode</source>
        <translation>阅读模式(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="229"/>
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="238"/>
        <source>S&amp;maller Text</source>
        <translation>缩小文字(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="252"/>
        <source>F&amp;ont…</source>
        <translation>字体(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="257"/>
        <source>&amp;Join with Next Block</source>
        <translation>与下一段合并(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="260"/>
        <source>&amp;Split Here</source>
        <translation>在此拆分(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="83"/>
        <source>&amp;Paragraph</source>
        <translation>正文段落(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="29"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="29"/>
        <source>&amp;Undo %1</source>
        <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="30"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="30"/>
        <source>&amp;Redo %1</source>
        <translation>重做%1(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="67"/>
        <source>Languag&amp;e</source>
        <translation>语言(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="84"/>
        <source>Heading, Level &amp;1</source>
        <translation>一级标题(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="85"/>
        <source>Heading, Level &amp;2</source>
        <translation>二级标题(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="86"/>
        <source>Heading, Level &amp;3</source>
        <translation>三级标题(&amp;3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="87"/>
        <source>&amp;Question</source>
        <translation>提问(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="89"/>
        <source>&amp;End Matter</source>
        <translation>文末信息(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="90"/>
        <source>&amp;Dateline</source>
        <translation>电头(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="91"/>
        <source>Page &amp;Furniture</source>
        <translation>版面杂项(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="198"/>
        <source>Show &amp;Page Furniture</source>
        <translation>显示版面杂项(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="246"/>
        <source>Reset Te&amp;xt Size</source>
        <translation>恢复文字大小(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="269"/>
        <source>Start &amp;New Article Here</source>
        <translation>从此处开始新文章(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="276"/>
        <source>&amp;Merge Article with Previous</source>
        <translation>与上一篇文章合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="282"/>
        <source>Make &amp;Title</source>
        <translation>设为标题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="290"/>
        <source>Make S&amp;ubtitle</source>
        <translation>设为副标题(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="297"/>
        <source>Make &amp;Byline</source>
        <translation>设为署名(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="304"/>
        <source>Make Title or Byline of &amp;Another Article…</source>
        <translation>设为另一篇文章的标题或署名(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="307"/>
        <source>Co&amp;rrect Text…</source>
        <translation>更正文字(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="310"/>
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="318"/>
        <source>&amp;Tag…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="326"/>
        <source>Add &amp;Note…</source>
        <translation>添加备注(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="334"/>
        <source>&amp;Export Annotations…</source>
        <translation>导出批注(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="341"/>
        <source>&amp;Import Annotations…</source>
        <translation>导入批注(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="348"/>
        <source>&amp;Next Article</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="356"/>
        <source>&amp;Previous Article</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="364"/>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="372"/>
        <source>For&amp;ward</source>
        <translation>前进(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="377"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="378"/>
        <source>&amp;About ocr-reader</source>
        <translation>关于 ocr-reader(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="381"/>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="387"/>
        <source>&amp;Light</source>
        <translation>明亮(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="388"/>
        <source>&amp;Sepia</source>
        <translation>护眼(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="389"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="392"/>
        <source>&amp;Narrow</source>
        <translation>窄(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="393"/>
        <source>&amp;Medium</source>
        <translation>中(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="394"/>
        <source>&amp;Wide</source>
        <translation>宽(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="397"/>
        <source>&amp;System Language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../reader/ui/annotate.py" line="300"/>
        <source>Changes are kept when you click away; Esc drops them.</source>
        <translation>点别处即保存修改；按 Esc 放弃修改。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="249"/>
        <source>Annotation</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="249"/>
        <source>New Annotation</source>
        <translation>新建批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="259"/>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="261"/>
        <source>tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="264"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="327"/>
        <source>Suggested: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="277"/>
        <source>Click a word to add it to the tags</source>
        <translation>单击词语，将它加入标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="287"/>
        <source>Note (plain text; Markdown allowed)</source>
        <translation>备注（纯文本，可用 Markdown）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="293"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="306"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>AnnotationsController</name>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="300"/>
        <source>This passage could not be placed on this page&apos;s text: it is listed under Unanchored in the Annotations panel.</source>
        <translation>这段文字无法在本页的文字中定位：它列在“批注”面板的“未能定位”之下。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="326"/>
        <source>Edit Annotation…</source>
        <translation>编辑批注…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="328"/>
        <source>Delete Annotation</source>
        <translation>删除批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="347"/>
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="347"/>
        <source>New name for #%1:</source>
        <translation>#%1 的新名称：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="355"/>
        <source>Rename tag &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>将标签“%1”改名为“%2”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="364"/>
        <source>Merge Tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="364"/>
        <source>Merge the selected tags into:</source>
        <translation>将所选标签合并为：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="371"/>
        <source>Merge tags %1 into &apos;%2&apos;</source>
        <translation>将标签 %1 合并为“%2”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="380"/>
        <source>Delete tag %1</source>
        <translation>删除标签 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="380"/>
        <source>Delete tags %1</source>
        <translation>删除标签 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="395"/>
        <source>Document not found</source>
        <translation>找不到文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/annotations.py" line="396"/>
        <source>The page of this passage is no longer at %1.</source>
        <translation>这段文字所在的版面已不在 %1。</translation>
    </message>
</context>
<context>
    <name>AnnotationsDock</name>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="205"/>
        <source>Filter annotations</source>
        <translation>筛选批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="231"/>
        <source>The page&apos;s annotations are shown once the whole page is read.</source>
        <translation>整页读完后显示本页的批注。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="236"/>
        <source>No annotations on this page yet. Select some text, then press H to highlight it, T to tag it or N to add a note.</source>
        <translation>本版面还没有批注。选中文字后，按 H 高亮，按 T 加标签，按 N 写备注。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="207"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="216"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="217"/>
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="260"/>
        <source>In the text</source>
        <translation>文中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="262"/>
        <source>Unanchored</source>
        <translation>未能定位</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="293"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../reader/ui/annotator.py" line="190"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotator.py" line="188"/>
        <source>Add Note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotator.py" line="195"/>
        <source>Edit Annotation</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotator.py" line="200"/>
        <source>Delete Annotation</source>
        <translation>删除批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotator.py" line="232"/>
        <source>1 page</source>
        <translation>1 个页面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotator.py" line="232"/>
        <source>%1 pages</source>
        <translation>%1 个页面</translation>
    </message>
</context>
<context>
    <name>BodyView</name>
    <message>
        <location filename="../../reader/ui/body.py" line="739"/>
        <source>▲ Back to articles %1–%2 of %3 (part %4 of %5)</source>
        <translation>▲ 回到第 %1–%2 篇（全页 %3 篇，第 %4/%5 部分）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/body.py" line="741"/>
        <source>▼ On to articles %1–%2 of %3 (part %4 of %5)</source>
        <translation>▼ 接着读第 %1–%2 篇（全页 %3 篇，第 %4/%5 部分）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/body.py" line="980"/>
        <source>Text corrected by hand (see Corrections)</source>
        <translation>文字已手动更正（见“更正”）</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <location filename="../../reader/ui/annotate.py" line="67"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="68"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="69"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="70"/>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="71"/>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="72"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <location filename="../../reader/ui/corrections.py" line="54"/>
        <source>a paragraph</source>
        <translation>正文段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="55"/>
        <source>a heading</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="56"/>
        <source>a question</source>
        <translation>提问</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="57"/>
        <source>a photo caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="58"/>
        <source>end matter</source>
        <translation>文末信息</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="59"/>
        <source>a dateline</source>
        <translation>电头</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="60"/>
        <source>page furniture</source>
        <translation>版面杂项</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="61"/>
        <source>the title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="62"/>
        <source>the subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="63"/>
        <source>the byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="85"/>
        <source>join with the next block</source>
        <translation>与下一段合并</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="87"/>
        <source>split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="89"/>
        <location filename="../../reader/ui/corrections.py" line="103"/>
        <source>make it %1</source>
        <translation>设为%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="93"/>
        <source>%1 (level %2)</source>
        <translation>%1（%2级）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="96"/>
        <source>start a new article</source>
        <translation>开始新文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="98"/>
        <source>merge with the previous article</source>
        <translation>与上一篇文章合并</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="100"/>
        <source>make it %1 of another article</source>
        <translation>设为另一篇文章的%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="105"/>
        <source>correct the text</source>
        <translation>更正文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="107"/>
        <source>an unreadable correction</source>
        <translation>无法读取的更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="109"/>
        <source>%1 (not a known correction)</source>
        <translation>%1（未知的更正）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="110"/>
        <source>%1: “%2”</source>
        <translation>%1：“%2”</translation>
    </message>
</context>
<context>
    <name>CorrectionsController</name>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="34"/>
        <source>Nothing to join: this is the last block of the page.</source>
        <translation>无可合并：这是本页的最后一段。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="37"/>
        <source>Nothing to join: this is the last block of its article. To run the next article on, merge it with this one (Ctrl+Shift+M on it).</source>
        <translation>无可合并：这是本篇文章的最后一段。要让下一篇接着本篇，请在下一篇上将其与本篇合并（Ctrl+Shift+M）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="43"/>
        <source>The next block is page furniture: to join it, make it text first (Correct → Block Kind, with View → Show Page Furniture on).</source>
        <translation>下一段是版面杂项：要合并，请先把它改成正文（更正 → 段落类型，并打开 视图 → 显示版面杂项）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="50"/>
        <source>This block is that already.</source>
        <translation>这一段已经是这样了。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="52"/>
        <source>Put the text cursor inside the block, where it is to be split.</source>
        <translation>请把光标放在段落中要拆分的位置。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="57"/>
        <source>This block already starts its article.</source>
        <translation>这一段已经是文章的开头。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="61"/>
        <source>The page&apos;s first article has no article before it to merge with.</source>
        <translation>本页第一篇文章之前没有可合并的文章。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="151"/>
        <source>Put the text cursor in a block of the page to correct it.</source>
        <translation>请把光标放在版面的某一段落中再作更正。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="195"/>
        <source>Correct Text</source>
        <translation>更正文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="196"/>
        <source>The block&apos;s text:</source>
        <translation>段落文字：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="201"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="201"/>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="202"/>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="204"/>
        <location filename="../../reader/ui/controllers/corrections.py" line="218"/>
        <source>Move to Another Article</source>
        <translation>移到另一篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="204"/>
        <source>Make it the:</source>
        <translation>设为：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="213"/>
        <source>The page has no other article.</source>
        <translation>本页没有别的文章。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="218"/>
        <source>Of the article:</source>
        <translation>所属文章：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="253"/>
        <source>“%1” is page furniture now, which the page does not show; Remove Correction shows it again.</source>
        <translation>“%1”现在是版面杂项，页面不显示；撤销这项更正即可重新显示。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="258"/>
        <source>The text this correction was made on is not on the page.</source>
        <translation>这项更正所针对的文字已不在本页上。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/corrections.py" line="294"/>
        <source>Use Suggested Title</source>
        <translation>采用建议的标题</translation>
    </message>
</context>
<context>
    <name>CorrectionsDock</name>
    <message>
        <location filename="../../reader/ui/corrections.py" line="329"/>
        <source>Remove Correction</source>
        <translation>撤除更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="330"/>
        <source>not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="331"/>
        <source>and %1 more changes</source>
        <translation>另有 %1 处改动</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="334"/>
        <source>No corrections on this page. Right-click a block to join, split, change its kind, move a title, or fix its text.</source>
        <translation>本版面没有更正。右键单击段落，可合并、拆分、更改类型、移动标题或更正文字。</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="84"/>
        <location filename="../../reader/ui/controllers/export.py" line="181"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="141"/>
        <source>Export Annotations</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="151"/>
        <source>Export Tag</source>
        <translation>导出标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="162"/>
        <source>Export Page with Highlights</source>
        <translation>导出带高亮的版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="127"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="175"/>
        <source>Cannot write file</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="176"/>
        <source>%1 could not be written: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="187"/>
        <source>Import Annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="130"/>
        <location filename="../../reader/ui/controllers/export.py" line="187"/>
        <source>Web Annotation JSON (*.json)</source>
        <translation>Web Annotation JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="131"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="205"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="206"/>
        <source>%1 could not be imported: %2.</source>
        <translation>无法导入 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="210"/>
        <source>Imported: %1 new, %2 updated, %3 already here.</source>
        <translation>已导入：新增 %1 条，更新 %2 条，已有 %3 条。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="217"/>
        <source>%1 differed from yours: both kept, the imported ones tagged import-conflict.</source>
        <translation>%1 条与本地不同：两者都已保留，导入的一条加了 import-conflict 标签。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="220"/>
        <source>Corrections: %1 new, %2 already here.</source>
        <translation>更正：新增 %1 项，%2 项已有。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="225"/>
        <source>1 was made on no page of this reader: kept as it came, placed on no page.</source>
        <translation>1 条并非在本阅读器的页面上所作：按原样保留，不放到任何页面上。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="229"/>
        <source>%1 were made on no page of this reader: kept as they came, placed on no page.</source>
        <translation>%1 条并非在本阅读器的页面上所作：按原样保留，不放到任何页面上。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="234"/>
        <source>1 was in a colour this reader does not have (%1): shown in yellow.</source>
        <translation>1 条的颜色本程序没有（%1）：以黄色显示。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="238"/>
        <source>%1 were in colours this reader does not have (%2): shown in yellow.</source>
        <translation>%1 条的颜色本程序没有（%2）：以黄色显示。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="255"/>
        <source>Copied with citation</source>
        <translation>已带出处复制</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="261"/>
        <source>Citation Template</source>
        <translation>出处模板</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/export.py" line="263"/>
        <source>Fields: {quote} {title} {byline} {file} {path} {date}; {byline_sep} and {date_sep} disappear when their field is empty.</source>
        <translation>字段：{quote} {title} {byline} {file} {path} {date}；{byline_sep} 和 {date_sep} 在对应字段为空时省略。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="126"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="134"/>
        <source>Current article</source>
        <translation>当前文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="135"/>
        <source>Chosen articles</source>
        <translation>选定的文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="136"/>
        <source>Whole page</source>
        <translation>整个版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="137"/>
        <source>This page and other pages…</source>
        <translation>本版面及其他版面…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="138"/>
        <source>Every page in the library (%1)</source>
        <translation>资料库中的全部版面（%1）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="141"/>
        <source>The search results (%1 articles)</source>
        <translation>搜索结果（%1 篇文章）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="148"/>
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="454"/>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="455"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="456"/>
        <source>HTML (standalone, printable)</source>
        <translation>HTML（独立文件，可打印）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="457"/>
        <source>EPUB (e-readers)</source>
        <translation>EPUB（电子阅读器）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="458"/>
        <source>JSON (document schema)</source>
        <translation>JSON（文档结构）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="166"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="168"/>
        <source>Text file</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="175"/>
        <source>LF (Linux, macOS)</source>
        <translation>LF（Linux、macOS）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="176"/>
        <source>CRLF (Windows)</source>
        <translation>CRLF（Windows）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="179"/>
        <source>Blank line between paragraphs</source>
        <translation>段落之间空一行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="180"/>
        <source>Full-width indent, no blank lines</source>
        <translation>全角缩进，不空行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="182"/>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="183"/>
        <source>Line ends:</source>
        <translation>换行符：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="184"/>
        <source>Paragraphs:</source>
        <translation>段落：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="187"/>
        <source>Include</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="189"/>
        <source>Bylines</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="190"/>
        <source>End matter (author units, sources)</source>
        <translation>文末信息（作者单位、来源）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="191"/>
        <source>Datelines and jump markers</source>
        <translation>电头与转版标记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="192"/>
        <source>Photo captions</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="193"/>
        <source>Page furniture</source>
        <translation>版面杂项</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="194"/>
        <source>Highlights and notes</source>
        <translation>高亮与备注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="223"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="237"/>
        <source>Cancel Export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="239"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="241"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="361"/>
        <source>Other Pages</source>
        <translation>其他版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="361"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="366"/>
        <source>%1 more pages: %2</source>
        <translation>另有 %1 个版面：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="400"/>
        <source>This page has no highlights or notes</source>
        <translation>本页没有高亮或备注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="402"/>
        <source>Plain text has no place for highlights and notes</source>
        <translation>纯文本无法容纳高亮和备注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="429"/>
        <source>and %1 more pages</source>
        <translation>以及另外 %1 个版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="456"/>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="457"/>
        <source>EPUB</source>
        <translation>EPUB</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="458"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="468"/>
        <source>All Files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="473"/>
        <source>Export As</source>
        <translation>导出为</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="496"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="517"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="524"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="526"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>FilesController</name>
    <message>
        <location filename="../../reader/ui/controllers/files.py" line="62"/>
        <source>Open OCR Page</source>
        <translation>打开 OCR 版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/files.py" line="65"/>
        <source>OCR pages (*.txt *.json *.xml *.hocr *.html);;Text files (*.txt);;OCR output with boxes (*.json *.xml *.hocr *.html);;All files (*)</source>
        <translation>OCR 版面 (*.txt *.json *.xml *.hocr *.html);;文本文件 (*.txt);;带坐标的 OCR 结果 (*.json *.xml *.hocr *.html);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/files.py" line="76"/>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/files.py" line="103"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/files.py" line="110"/>
        <source>Reading %1: its first part is shown; annotating waits for the whole page…</source>
        <translation>正在读取 %1：已显示开头部分，整页读完后可批注和校正…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/files.py" line="120"/>
        <source>The other file dropped is not opened: one page at a time</source>
        <translation>拖入的另一个文件未打开：一次只打开一个版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/files.py" line="124"/>
        <source>The other %1 files dropped are not opened: one page at a time</source>
        <translation>拖入的其余 %1 个文件未打开：一次只打开一个版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/files.py" line="135"/>
        <source>%1 cannot be opened: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/files.py" line="136"/>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/findbar.py" line="60"/>
        <source>Find in page</source>
        <translation>页内查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="63"/>
        <source>Finds the words in either script: 国务院 finds 國務院, and the reverse. Words set apart by spaces are each found.</source>
        <translation>繁简字体都能找到：国务院也找到國務院，反之亦然。用空格隔开的词各自查找。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="67"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一处 (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="68"/>
        <source>Next match (Enter)</source>
        <translation>下一处 (Enter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="69"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="80"/>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="87"/>
        <source>%1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="84"/>
        <source>%1 matches</source>
        <translation>%1 处匹配</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="221"/>
        <source>The library was indexed by an earlier version: indexing %1 pages again…</source>
        <translation>书库的索引由旧版本建立：正在重新索引 %1 个页面…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="172"/>
        <source>Add a Folder of Pages</source>
        <translation>添加版面文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="207"/>
        <source>Indexing…</source>
        <translation>正在建立索引…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="241"/>
        <source>1 page indexed</source>
        <translation>已索引 1 个版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="243"/>
        <source>%1 pages indexed</source>
        <translation>已索引 %1 个版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="246"/>
        <source>%1 unchanged</source>
        <translation>%1 个未变</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="249"/>
        <source>%1 removed</source>
        <translation>%1 个已移除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="251"/>
        <source>%1 could not be read</source>
        <translation>%1 个无法读取</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="252"/>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="252"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="265"/>
        <source>Indexing cancelled; what was indexed is kept.</source>
        <translation>已取消索引，已完成的部分会保留。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="306"/>
        <source>A search needs at least one word that is not excluded (-word).</source>
        <translation>搜索至少需要一个未被排除的词（-词 为排除）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="308"/>
        <source>A search needs at least one word: marks alone find nothing.</source>
        <translation>搜索至少需要一个词：只有标点找不到任何内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="355"/>
        <source>%1 is no longer there (moved or deleted): it has left the library.</source>
        <translation>%1 已不在原处（已移走或删除）：已从文库中移除。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="362"/>
        <source>%1 is no longer there (moved or deleted), and stays in the library: %2</source>
        <translation>%1 已不在原处（已移走或删除），仍留在文库中：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="435"/>
        <source>Add Word to Dictionary</source>
        <translation>添加词语到词典</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="436"/>
        <source>A word or name for search, keywords and word selection:</source>
        <translation>用于搜索、关键词和选词的词语或人名：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="444"/>
        <source>Cannot add the word</source>
        <translation>无法添加词语</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="448"/>
        <source>Added %1 to the dictionary.</source>
        <translation>已将 %1 加入词典。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/library.py" line="448"/>
        <source>%1 is known already.</source>
        <translation>%1 已在词典中。</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <location filename="../../reader/ui/library.py" line="149"/>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="151"/>
        <source>The page gives its month and day, not its year</source>
        <translation>页面只印有月日，没有年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="148"/>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="148"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="148"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="152"/>
        <source>Pages: %1, articles: %2</source>
        <translation>页数：%1，文章数：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="154"/>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="155"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="156"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="157"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="150"/>
        <source>%1 annotations</source>
        <translation>%1 条批注</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/window.py" line="270"/>
        <source>This is the page&apos;s last article.</source>
        <translation>这是本页最后一篇文章。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="272"/>
        <source>This is the page&apos;s first article.</source>
        <translation>这是本页第一篇文章。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="320"/>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="321"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="322"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="323"/>
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="324"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="325"/>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="320"/>
        <source>Outl&amp;ine</source>
        <translation>目录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="321"/>
        <source>&amp;Annotations</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="322"/>
        <source>Ta&amp;gs</source>
        <translation>标签(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="323"/>
        <source>Li&amp;brary</source>
        <translation>资料库(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="324"/>
        <source>Searc&amp;h</source>
        <translation>搜索(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="325"/>
        <source>&amp;Corrections</source>
        <translation>更正(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="337"/>
        <source>Sca&amp;n</source>
        <translation>扫描图(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="340"/>
        <source>No Chinese font is installed, so the text cannot be shown properly. Install one, for example: %1</source>
        <translation>系统中没有中文字体，正文无法正常显示。请安装一种中文字体，例如：%1</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../reader/ui/notices.py" line="40"/>
        <source>Annotations not saved</source>
        <translation>批注未保存</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notices.py" line="41"/>
        <source>The change was not saved: %1.</source>
        <translation>更改未能保存：%1。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notices.py" line="42"/>
        <source>Nothing you typed is lost: the text of the note is on the clipboard.</source>
        <translation>输入的内容没有丢失：备注文字已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>OpenProgress</name>
    <message>
        <location filename="../../reader/ui/loader.py" line="251"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/loader.py" line="252"/>
        <source>Stop opening this page</source>
        <translation>停止打开此页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/loader.py" line="273"/>
        <source>This page is too long to lay out in one view: it is shown to article %1 of %2. File → Export writes all of it.</source>
        <translation>本页太长，无法在一个视图中排版：只显示到第 %1 篇（共 %2 篇）。文件 → 导出 可写出全部内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/loader.py" line="290"/>
        <source>This page is long: it is shown a part at a time, articles %1–%2 now (part %3 of %4). The outline, n and p, and the links at either end go on to the others.</source>
        <translation>本页很长，分部分显示：现在显示第 %1–%2 篇（第 %3 部分，共 %4 部分）。大纲、n 和 p 键以及两端的链接可转到其他部分。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/loader.py" line="304"/>
        <source>In this type the page is taller than the view can lay out: its end cannot be reached. Make the type smaller (Ctrl+−).</source>
        <translation>在此字号下，本页高于视图所能排版的高度：无法到达页尾。请缩小字号（Ctrl+−）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/loader.py" line="321"/>
        <source>Opening cancelled</source>
        <translation>已取消打开</translation>
    </message>
    <message>
        <location filename="../../reader/ui/loader.py" line="326"/>
        <source>Typesetting stopped: the page is shown as far as %1%</source>
        <translation>排版已停止：本页只显示到 %1%</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <location filename="../../reader/ui/outline.py" line="222"/>
        <source>Filter headings</source>
        <translation>筛选标题</translation>
    </message>
</context>
<context>
    <name>PageSummary</name>
    <message>
        <location filename="../../reader/ui/status.py" line="92"/>
        <source>No document</source>
        <translation>未打开文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="103"/>
        <source>its first part only, read-only until the whole page is read</source>
        <translation>仅显示开头部分，整页读完前只读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="98"/>
        <source>%1 articles</source>
        <translation>%1 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="99"/>
        <source>%1 paragraphs</source>
        <translation>%1 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="100"/>
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="117"/>
        <source>its lines seem to run across the page&apos;s columns, not down them (the OCR program&apos;s order, not the reading order): its paragraphs and articles cannot be trusted; open the OCR program&apos;s own output (JSON, ALTO, hOCR or PAGE) to read it in order</source>
        <translation>各行似乎是横跨各栏排列，而不是沿栏向下（这是 OCR 程序的顺序，不是阅读顺序）：其段落和文章不可信；请打开 OCR 程序自己的输出（JSON、ALTO、hOCR 或 PAGE）按顺序阅读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="123"/>
        <source>%1 invalid byte sequence(s) replaced with �</source>
        <translation>%1 处无效字节序列已替换为 �</translation>
    </message>
</context>
<context>
    <name>PageWarning</name>
    <message>
        <location filename="../../reader/ui/status.py" line="149"/>
        <source>Lines across columns</source>
        <translation>各行横跨各栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="151"/>
        <source>Bytes replaced</source>
        <translation>有字节被替换</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="152"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>PlaceIndicator</name>
    <message>
        <location filename="../../reader/ui/status.py" line="48"/>
        <source>Article %1 of %2</source>
        <translation>第 %1 篇，共 %2 篇</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="50"/>
        <source>Part %1 of %2</source>
        <translation>第 %1/%2 部分</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../reader/ui/i18n.py" line="13"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="14"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../reader/ui/reasons.py" line="30"/>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="31"/>
        <source>a ZIP archive (or a Word/EPUB file)</source>
        <translation>ZIP 压缩包（或 Word/EPUB 文件）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="34"/>
        <source>a PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="35"/>
        <source>a JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="36"/>
        <source>a GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="37"/>
        <source>a program</source>
        <translation>程序</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="38"/>
        <source>an SQLite database</source>
        <translation>SQLite 数据库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="39"/>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="40"/>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="41"/>
        <source>a character device</source>
        <translation>字符设备</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="42"/>
        <source>a block device</source>
        <translation>块设备</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="43"/>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="49"/>
        <source>Japanese</source>
        <translation>日文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="50"/>
        <source>Korean</source>
        <translation>韩文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="51"/>
        <source>Cyrillic</source>
        <translation>西里尔字母</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="52"/>
        <source>Western European</source>
        <translation>西欧文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="53"/>
        <source>Greek</source>
        <translation>希腊文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="54"/>
        <source>Hebrew</source>
        <translation>希伯来文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="55"/>
        <source>Arabic</source>
        <translation>阿拉伯文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="56"/>
        <source>Thai</source>
        <translation>泰文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="75"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="76"/>
        <source>the file holds only white space</source>
        <translation>文件里只有空白</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="77"/>
        <source>it is binary data, not text</source>
        <translation>它是二进制数据，不是文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="78"/>
        <source>it is not a regular file</source>
        <translation>它不是普通文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="79"/>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="80"/>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="81"/>
        <source>there is not enough memory to read it</source>
        <translation>内存不足，无法读取</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="82"/>
        <source>there is not enough memory to decode it</source>
        <translation>内存不足，无法解码</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="83"/>
        <source>it is not OCR output that this reader knows</source>
        <translation>它不是本阅读器认识的 OCR 输出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="84"/>
        <source>the file holds no OCR lines</source>
        <translation>文件里没有 OCR 文本行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="85"/>
        <source>it holds no OCR lines with positions</source>
        <translation>它没有带位置的 OCR 文本行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="86"/>
        <source>it is JSON, but not OCR output that this reader knows</source>
        <translation>这是 JSON，但不是本阅读器认识的 OCR 结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="87"/>
        <source>it is an export of annotations, not a page: import it instead</source>
        <translation>这是导出的批注，不是版面：请改用导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="90"/>
        <source>it is a page exported as JSON, not OCR output: open the page itself</source>
        <translation>这是导出为 JSON 的版面，不是 OCR 结果：请打开原版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="94"/>
        <source>the block it was made on is no longer on the page</source>
        <translation>它所针对的段落已不在页面上</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="95"/>
        <source>the article it was given to is no longer on the page</source>
        <translation>它所指定的文章已不在页面上</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="96"/>
        <source>its text is no longer on the page</source>
        <translation>它的文字已不在页面上</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="97"/>
        <source>it is the last block of its article</source>
        <translation>它是所在文章的最后一段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="98"/>
        <source>the split point is not inside a block</source>
        <translation>拆分点不在段落之内</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="99"/>
        <source>it already starts its article</source>
        <translation>它已经是文章的开头</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="100"/>
        <source>it is in the first article</source>
        <translation>它在第一篇文章里</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="101"/>
        <source>the block&apos;s text changed since it was corrected</source>
        <translation>段落文字在更正之后已经改变</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="102"/>
        <source>it could not be read from the database</source>
        <translation>无法从数据库读取</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="108"/>
        <source>it is %1 text (%2), not Chinese</source>
        <translation>这是%1文本（%2），不是中文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="113"/>
        <source>it is %1, not text</source>
        <translation>它是%1，不是文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="118"/>
        <source>it is %1, not a file</source>
        <translation>它是%1，不是文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="123"/>
        <source>it is too large (%1 MB; the limit is %2 MB)</source>
        <translation>文件太大（%1 MB；上限为 %2 MB）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="128"/>
        <source>it is too large (the limit is %1 MB)</source>
        <translation>文件太大（上限为 %1 MB）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="133"/>
        <source>the %1 file is cut short at line %2</source>
        <translation>%1 文件在第 %2 行处不完整</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="138"/>
        <source>the %1 file is empty</source>
        <translation>%1 文件是空的</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="143"/>
        <source>the %1 file is not valid UTF-8 JSON</source>
        <translation>%1 文件不是有效的 UTF-8 JSON</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="148"/>
        <source>the %1 file is not valid JSON</source>
        <translation>%1 文件不是有效的 JSON</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="153"/>
        <source>the %1 file is too large or nested too deeply</source>
        <translation>%1 文件太大或嵌套太深</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reasons.py" line="158"/>
        <source>the %1 file declares XML entities, which are refused</source>
        <translation>%1 文件声明了 XML 实体，不予读取</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message>
        <location filename="../../reader/ui/scan.py" line="580"/>
        <source>No scan: plain text has no boxes to place on an image</source>
        <translation>无扫描图：纯文本没有可对到图像上的文字框</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="582"/>
        <source>Looking for the scan…</source>
        <translation>正在查找扫描图…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="619"/>
        <source>Scan</source>
        <translation>扫描图</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="662"/>
        <source>Reading the scan %1…</source>
        <translation>正在读取扫描图 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="797"/>
        <source>The page&apos;s scan beside the text: %1</source>
        <translation>在正文旁显示本页扫描图：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="799"/>
        <source>The page&apos;s scan beside the text</source>
        <translation>在正文旁显示本页扫描图</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="805"/>
        <source>No scan: the image the page names, %1, is not beside it</source>
        <translation>无扫描图：页面文件所指的图像 %1 不在它旁边</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="810"/>
        <source>No scan: %1 is larger than %2 MB</source>
        <translation>无扫描图：%1 大于 %2 MB</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="814"/>
        <source>No scan: no image named %1.png, .jpg, .tif or the like is beside the page</source>
        <translation>无扫描图：页面文件旁没有名为 %1.png、.jpg、.tif 等的图像</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="819"/>
        <source>it is not an image this reader knows</source>
        <translation>它不是本阅读器能识别的图像</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="821"/>
        <source>it is damaged or cut short</source>
        <translation>文件已损坏或不完整</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="823"/>
        <source>%1 pixels is more than can be shown</source>
        <translation>%1 像素，超出可显示的大小</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="827"/>
        <source>The scan %1 cannot be shown: %2</source>
        <translation>扫描图 %1 无法显示：%2</translation>
    </message>
</context>
<context>
    <name>ScanKeys</name>
    <message>
        <location filename="../../reader/ui/scan.py" line="337"/>
        <source>Scan (when it has the focus)</source>
        <translation>扫描图（焦点在其上时）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="319"/>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="320"/>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="334"/>
        <source>Zoom at the Pointer</source>
        <translation>以指针处为中心缩放</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="335"/>
        <source>Ctrl+Wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="322"/>
        <source>Fit the Width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="324"/>
        <source>Fit the Page</source>
        <translation>适合整页</translation>
    </message>
</context>
<context>
    <name>ScanView</name>
    <message>
        <location filename="../../reader/ui/scan.py" line="389"/>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="390"/>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="391"/>
        <source>Width</source>
        <translation>适宽</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="391"/>
        <source>Fit Width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="392"/>
        <source>Page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="392"/>
        <source>Fit Page</source>
        <translation>适合整页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/scan.py" line="397"/>
        <source>Click a region to read it in the text; drag to move the scan, Ctrl+wheel to zoom</source>
        <translation>点击区域即在正文中读到该处；拖动可移动扫描图，Ctrl+滚轮缩放</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../../reader/ui/library.py" line="343"/>
        <source>Search the library: words &quot;a phrase&quot; -excluded</source>
        <translation>搜索资料库：词语 &quot;短语&quot; -排除词</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="352"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="373"/>
        <source>Nothing found.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="406"/>
        <source>Articles found: %1</source>
        <translation>找到的文章：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="345"/>
        <source>(untitled article %1)</source>
        <translation>（无标题文章 %1）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="344"/>
        <source>Show More</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="404"/>
        <source>Articles found: the first %1; there are more.</source>
        <translation>找到的文章：前 %1 篇，还有更多。</translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message>
        <location filename="../../reader/ui/annotate.py" line="419"/>
        <source>Tag…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="420"/>
        <source>Highlight and tag (T)</source>
        <translation>高亮并加标签 (T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="421"/>
        <source>Note…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="422"/>
        <source>Highlight with a note (N)</source>
        <translation>高亮并写备注 (N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="425"/>
        <source>Highlight in %1</source>
        <translation>用%1高亮</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/about.py" line="166"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="169"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="173"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about.py" line="173"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <location filename="../../reader/ui/source.py" line="71"/>
        <source>join</source>
        <translation>接续</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source.py" line="71"/>
        <source>break</source>
        <translation>分段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source.py" line="102"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <location filename="../../reader/ui/main.py" line="102"/>
        <source>Reopen a large page?</source>
        <translation>重新打开大页面？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main.py" line="105"/>
        <source>The page you read last, %1, is large (%2 MB): opening it takes a while.</source>
        <translation>上次阅读的页面 %1 很大（%2 MB），打开需要一些时间。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main.py" line="111"/>
        <source>Open it again now?</source>
        <translation>现在重新打开吗？</translation>
    </message>
</context>
<context>
    <name>StoreController</name>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="128"/>
        <source>1 annotation copied from a version of this page, %2, which keeps its own</source>
        <translation>已从本页的另一版本 %2 复制 1 条标注（该版本保留自己的标注）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="132"/>
        <source>%1 annotations copied from a version of this page, %2, which keeps its own</source>
        <translation>已从本页的另一版本 %2 复制 %1 条标注（该版本保留自己的标注）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="140"/>
        <source>1 annotation carried over from an earlier version of this page</source>
        <translation>已从本页的早先版本带过来 1 条标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="143"/>
        <source>%1 annotations carried over from an earlier version of this page</source>
        <translation>已从本页的早先版本带过来 %1 条标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="149"/>
        <source>%1 on text that reads otherwise now (each keeps its quote)</source>
        <translation>%1 条落在如今读法不同的文字上（各自保留原引文）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="155"/>
        <source>%1 could not be placed (listed as unanchored)</source>
        <translation>%1 条无法定位（列在“未能定位”下）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="162"/>
        <source>%1 of %2 corrections copied from %3</source>
        <translation>已从 %3 复制 %2 处校正中的 %1 处</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="164"/>
        <source>%1 of %2 corrections carried over</source>
        <translation>已带过来 %2 处校正中的 %1 处</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="193"/>
        <source>Annotations are on again.</source>
        <translation>标注已重新启用。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="232"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="236"/>
        <source>Pages can be read, but annotations are off until this is solved.</source>
        <translation>版面仍可阅读，但在解决此问题之前无法使用批注。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="252"/>
        <source>Annotations not saved yet</source>
        <translation>标注尚未保存</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="254"/>
        <source>Close Without Them</source>
        <translation>不保存就关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="256"/>
        <source>Keep the Window Open</source>
        <translation>保持窗口打开</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="263"/>
        <source>Notes among them, to copy before closing:</source>
        <translation>其中的批注文字（关闭前可复制）：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="273"/>
        <source>1 change is not saved yet: the annotation database is busy (held by another program, or by the library being indexed). The window closes as soon as it is saved.</source>
        <translation>1 处修改尚未保存：标注数据库正忙（被其他程序占用，或文库正在建立索引）。保存完成后窗口即自动关闭。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/store.py" line="279"/>
        <source>%1 changes are not saved yet: the annotation database is busy (held by another program, or by the library being indexed). The window closes as soon as they are saved.</source>
        <translation>%1 处修改尚未保存：标注数据库正忙（被其他程序占用，或文库正在建立索引）。全部保存后窗口即自动关闭。</translation>
    </message>
</context>
<context>
    <name>StoreState</name>
    <message>
        <location filename="../../reader/ui/status.py" line="171"/>
        <source>Annotations wait: the database is locked by another program</source>
        <translation>标注暂停：数据库被其他程序锁定</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="174"/>
        <source>Annotations read-only</source>
        <translation>标注只读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="176"/>
        <source>The data folder is read-only: annotations show and export, but cannot be changed.</source>
        <translation>数据文件夹是只读的：标注可以显示和导出，但不能修改。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="185"/>
        <source>1 change waits: the database is locked by another program</source>
        <translation>1 处修改待保存：数据库被其他程序锁定</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="187"/>
        <source>%1 changes wait: the database is locked by another program</source>
        <translation>%1 处修改待保存：数据库被其他程序锁定</translation>
    </message>
</context>
<context>
    <name>SuggestionBar</name>
    <message>
        <location filename="../../reader/ui/corrections.py" line="386"/>
        <source>Use This Title</source>
        <translation>采用此标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="387"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="405"/>
        <source>Suggested title for the article “%1”: %2 — they share %3.</source>
        <translation>建议文章“%1”的标题：%2——共同词语：%3。</translation>
    </message>
</context>
<context>
    <name>TagsDock</name>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="362"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="362"/>
        <source>Passages</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="365"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="365"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="366"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="367"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="368"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="369"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>ViewController</name>
    <message>
        <location filename="../../reader/ui/controllers/view.py" line="77"/>
        <source>The text has room for %1 characters a line here: hide the panels (Ctrl+Shift+R) or widen the window for a wider text</source>
        <translation>这里每行只容得下 %1 个字：隐藏面板（Ctrl+Shift+R）或加宽窗口，文字才能更宽</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controllers/view.py" line="100"/>
        <source>Reading Font</source>
        <translation>阅读字体</translation>
    </message>
</context>
<context>
    <name>savefile</name>
    <message>
        <location filename="../../reader/ui/savefile.py" line="25"/>
        <source>Replace File?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/savefile.py" line="26"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
</context>
</TS>
